main :- catch(throw(my), E, (write(caught(E)), nl)),
  catch((member(X, [1,2,3]), X > 1, throw(found(X))), found(Y), (write(Y), nl)),
  catch(catch(throw(inner), outer, write(wrong)), inner, (write(right), nl)),
  catch(true, _, write(never)), write(after), nl.
