% Puzzles by generate-and-test with pruning: the 3x3 magic squares (select/3 over the
% digits, checking lines as soon as they are complete), a 4x4 sudoku, and SEND-style
% digit puzzles counted with aggregate_all/3.
magic([A, B, C, D, E, F, G, H, I]) :-
    Ds = [1, 2, 3, 4, 5, 6, 7, 8, 9],
    select(A, Ds, R1), select(B, R1, R2), C is 15 - A - B, select(C, R2, R3),
    select(D, R3, R4), G is 15 - A - D, select(G, R4, R5),
    E is 15 - C - G, select(E, R5, R6), F is 15 - D - E, select(F, R6, R7),
    H is 15 - B - E, select(H, R7, [I]), G + H + I =:= 15, C + F + I =:= 15, A + E + I =:= 15.

sudoku(Rows) :-
    Rows = [[A, B, C, D], [E, F, G, H], [I, J, K, L], [M, N, O, P]],
    fill([A, B, C, D]), fill([E, F, G, H]),
    distinct([A, B, E, F]), distinct([C, D, G, H]),
    fill([I, J, K, L]), fill([M, N, O, P]),
    distinct([I, J, M, N]), distinct([K, L, O, P]),
    transpose4(Rows, Cols), maplist(distinct, Cols).
fill(Row) :- permutation([1, 2, 3, 4], Row).
distinct(L) :- sort(L, S), length(S, 4).
transpose4([[A, B, C, D], [E, F, G, H], [I, J, K, L], [M, N, O, P]],
           [[A, E, I, M], [B, F, J, N], [C, G, K, O], [D, H, L, P]]).

show_square(S) :- forall(( between(0, 2, R), Start is R * 3, length(Pre, Start), append(Pre, [X, Y, Z | _], S) ),
                         format("  ~d ~d ~d~n", [X, Y, Z])).

digits_puzzle(T, W, O, F, U, R) :-
    Ds = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    select(T, Ds, D1), T > 0, select(W, D1, D2), select(O, D2, D3),
    R is (O + O) mod 10, C1 is (O + O) // 10, select(R, D3, D4),
    select(U, D4, D5), (W + W + C1) mod 10 =:= U, C2 is (W + W + C1) // 10,
    select(F, D5, _), F > 0, (T + T + C2) mod 10 =:= O, F =:= (T + T + C2) // 10.

main :-
    findall(S, magic(S), Squares), length(Squares, N), format("~d magic squares~n", [N]),
    Squares = [First | _], show_square(First),
    ( forall(member(S, Squares), nth1(5, S, 5)) -> writeln('centre always 5') ; true ),
    Puzzle = [[1, _, _, _], [_, _, 3, _], [_, 4, _, _], [_, _, _, 2]],
    ( sudoku(Puzzle) -> forall(member(Row, Puzzle), ( atomic_list_concat(Row, ' ', A), writeln(A) )) ; writeln(no_solution) ),
    findall(s(T1, W1, O1, F1, U1, R1), digits_puzzle(T1, W1, O1, F1, U1, R1), Sols),
    length(Sols, NP), format("TWO+TWO=FOUR has ~d solutions~n", [NP]),
    Sols = [s(T, W, O, F, U, R) | _], format("first: ~d~d~d + ~d~d~d = ~d~d~d~d~n", [T, W, O, T, W, O, F, O, U, R]).
