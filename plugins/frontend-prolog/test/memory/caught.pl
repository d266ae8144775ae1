% Heap exhaustion is error(resource_error(memory), _): caught by catch/3, after which the
% heap serves the program again; caught a second time; then uncaught.
:- initialization(main).
grow(L) :- length(L0, 1000), grow([L0|L]).
main :-
    catch(grow([]), E, true), E = error(Formal, _), writeq(Formal), nl,
    numlist(1, 50000, L), sum_list(L, S), write(S), nl,
    catch(grow([]), error(resource_error(R), _), (write(again(R)), nl)),
    findall(X-Y, (between(1, 3000, X), Y = f(X, X)), Ps), length(Ps, N), write(N), nl,
    grow([]).
