% Each iteration calls step/2 before the clause's last goal: the rest of the body is a
% continuation the engine allocates on the heap, dead once loop/4 moves on.
loop(N, N, Acc, Acc) :- !.
loop(I, N, Acc0, Acc) :-
    step(I, D),
    Acc1 is Acc0 + D,
    I1 is I + 1,
    loop(I1, N, Acc1, Acc).

step(I, D) :- D is I /\ 7.

% garbage_collect/0 is a major collection: `live after last gc` is then what really lives.
main(N) :- loop(0, N, 0, S), garbage_collect, write(S), nl.
