% Matrices as lists of rows: transpose, product, identity, power by squaring (Fibonacci),
% determinant by cofactor expansion, and aligned printing with format column stops.
transpose([], []).
transpose([[] | _], []) :- !.
transpose(M, [Col | Cols]) :- maplist([[H | T], H, T]>>true, M, Col, Rest), transpose(Rest, Cols).

dot(Xs, Ys, D) :- foldl([X, Y, A0, A]>>(A is A0 + X * Y), Xs, Ys, 0, D).
mmul(A, B, C) :- transpose(B, BT), maplist([Row, CRow]>>maplist(dot(Row), BT, CRow), A, C).

identity(N, M) :- numlist(1, N, Is), maplist([I, Row]>>(maplist([J, E]>>(I =:= J -> E = 1 ; E = 0), Is, Row)), Is, M).

mpow(M, 0, I) :- !, length(M, N), identity(N, I).
mpow(M, K, R) :- K mod 2 =:= 0, !, K2 is K // 2, mpow(M, K2, H), mmul(H, H, R).
mpow(M, K, R) :- K1 is K - 1, mpow(M, K1, R1), mmul(M, R1, R).

det([[X]], X) :- !.
det([Row | Rows], D) :-
    length(Row, N), numlist(1, N, Js),
    foldl([J, A0, A]>>( nth1(J, Row, E), minor(Rows, J, Mi), det(Mi, DM),
                        A is A0 + (-1) ** (J + 1) * E * DM ), Js, 0, D).
minor(Rows, J, M) :- maplist([R, R1]>>nth1(J, R, _, R1), Rows, M).

show(M) :- forall(member(Row, M), ( forall(member(E, Row), format("~t~w~8|", [E])), nl )).
show_cols(M) :- forall(member(Row, M), ( foldl([E, C0, C]>>(C is C0 + 7, format("~t~w~*|", [E, C])), Row, 0, _), nl )).

main :-
    A = [[1, 2, 3], [4, 5, 6]], B = [[7, 8], [9, 10], [11, 12]],
    transpose(A, AT), writeln(AT),
    mmul(A, B, C), show_cols(C),
    identity(3, I), writeln(I),
    mpow([[1, 1], [1, 0]], 90, [[_, F90] | _]), format("fib(90) = ~d~n", [F90]),
    mpow([[2, 0], [0, 3]], 40, P), show_cols(P),
    det([[2, -3, 1], [2, 0, -1], [1, 4, 5]], D3), format("det = ~d~n", [D3]),
    det([[1, 2, 3, 4], [5, 6, 7, 8], [2, 6, 4, 8], [3, 1, 1, 2]], D4), format("det4 = ~d~n", [D4]),
    H = [[1, 1/2, 1/3], [1/2, 1/3, 1/4], [1/3, 1/4, 1/5]],
    maplist([R, RV]>>maplist([E, V]>>(V is E), R, RV), H, HV),
    det(HV, DH), format("hilbert det = ~6e~n", [DH]),
    forall(member(Row, HV), ( forall(member(E, Row), format("~t~4f~9|", [E])), nl )).
