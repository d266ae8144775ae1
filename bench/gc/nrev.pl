% nrev: naive reverse of a 30-element list, 300 times over; every step of app/3 builds a
% list cell that the next reverse makes garbage. Allocation-heavy, little else.
app([], L, L).
app([H|T], L, [H|R]) :- app(T, L, R).

nrev([], []).
nrev([H|T], R) :- nrev(T, RT), app(RT, [H], R).

loop(0, _, R, R) :- !.
loop(N, L, _, R) :- nrev(L, R1), N1 is N - 1, loop(N1, L, R1, R).

main :- numlist(1, 30, L), loop(300, L, [], R), write(R), nl.
