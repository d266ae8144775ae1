main :- msort([b, 2, a, f(x), 1.0, g(a, b), f(y), 1, Z], L), L = [V|_], ( V == Z -> write(var_first) ; write(no) ), nl,
  L = [_|T], write(T), nl, compare(O, 1, 1.0), write(O), nl, compare(O2, f(a), g), write(O2), nl,
  sort([c, a, b, a], S), write(S), nl, ( a @< b -> write(lt) ; write(ge) ), nl, ( f(X) == f(X) -> write(same) ; write(diff) ), nl.
