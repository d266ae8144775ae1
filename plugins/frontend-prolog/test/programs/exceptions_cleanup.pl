t(1). t(2). t(3).
main :- catch((t(X), write(X), nl, X >= 2, throw(stop)), stop, true), write(done), nl,
  catch(p, E, (write(E), nl)).
p :- X = f(Y), catch((Y = 1, throw(x(X))), x(f(Z)), (write(Z), nl)), var(Y), write(unbound), nl.
