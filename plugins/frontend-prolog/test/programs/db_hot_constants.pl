% Compiled dynamic code with constants that live in static data in compiled code:
% floats and big integers (kept on the generic matcher) and ground compound terms
% (built by the compiled code).
:- dynamic(k/2).

k(1, 2.5).
k(2, 123456789012345678901234567890).
k(3, point(1, 2)).
k(4, [a, b, c]).
k(5, 'quoted atom').
k(6, -0.0).

loop(0) :- !.
loop(N) :- k(3, P), P = point(_, _), k(4, [_|_]), N1 is N - 1, loop(N1).

main :-
    loop(200),
    forall(k(I, V), (write(I-V), nl)),
    retract(k(1, _)),
    loop(200),
    forall(k(I, V), (write(I-V), nl)),
    retract(k(2, _)), retract(k(6, _)),
    loop(200),
    findall(I-V, k(I, V), L), write(L), nl,
    k(3, point(A, B)), C is A + B, write(C), nl.
