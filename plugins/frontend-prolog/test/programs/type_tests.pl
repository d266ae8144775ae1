t(X) :- findall(T, (member(T, [var, nonvar, atom, number, integer, float, atomic, compound, callable, is_list]), G =.. [T, X], call(G)), L), write(L), nl.
main :- t(_), t(a), t(1), t(1.5), t(f(x)), t([1]), t([]), t(123456789012345678901).
