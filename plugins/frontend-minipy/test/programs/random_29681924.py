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
    try:
        print({w: len(w) for w in (('Hello World' if True else '  pad ')).split()}, pow(((2147483647) in set()), 19, int('-17')))
        v0 = (str({}))[-4]
    except Exception as e1:
        print('caught', repr(e1))
    except TypeError as e1:
        print('caught', repr(e1))
run(main)
