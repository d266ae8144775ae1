class E0(ValueError):
    pass
class E1(E0):
    pass
def run(main):
    try:
        main()
    except E1 as e:
        print('E1:', e)
    except E0 as e:
        print('E0:', e)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    except NameError as e:
        print('NameError:', e)
    except ZeroDivisionError as e:
        print('ZeroDivisionError:', e)
    except OverflowError as e:
        print('OverflowError:', e)
    except IndexError as e:
        print('IndexError:', e)
    except KeyError as e:
        print('KeyError:', e)
    except ValueError as e:
        print('ValueError:', e)
    except TypeError as e:
        print('TypeError:', e)
    except AttributeError as e:
        print('AttributeError:', e)
    except AssertionError as e:
        print('AssertionError:', e)
    except RecursionError as e:
        print('RecursionError:', e)
    except Exception as e:
        print('Exception:', e)
def main():
    v0 = ([4611686018427387904, (-(2 ** 100)), (-(2 ** 100))])[4:-1:-1]
    print({str(q): q * q for q in list(({'zz': 33}).values())})
    try:
        try:
            print(sum(({'zz': 12, 'b': 27, 'zz': 47})['zz'] for q in list(reversed(v0)) if q % 4))
            del v0[0]
        except ZeroDivisionError as e2:
            print('caught', e2)
        except ValueError as e2:
            print('caught', e2)
    except OverflowError as e1:
        print('caught', repr(e1))
    except E0 as e1:
        print('caught', repr(e1))
    else:
        print('no error')
    finally:
        print('finally')
run(main)
