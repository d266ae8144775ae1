% A shop inventory kept with assert/retract: stock movements, a refused sale raised as an
% exception, and a format/2 report with aligned columns, totals and ~2f prices.
:- dynamic(stock/3).

stock(apple, 40, 0.5).
stock(pear, 12, 0.75).
stock(melon, 3, 2.2).

receive(Item, Qty, Price) :-
    ( retract(stock(Item, Q0, _)) -> Q is Q0 + Qty ; Q = Qty ),
    assertz(stock(Item, Q, Price)).

sell(Item, Qty) :-
    ( stock(Item, Q0, P) -> true ; throw(no_such_item(Item)) ),
    ( Q0 >= Qty -> true ; throw(short(Item, Q0, Qty)) ),
    retract(stock(Item, Q0, P)), Q is Q0 - Qty,
    ( Q =:= 0 -> true ; assertz(stock(Item, Q, P)) ).

do(Op) :- catch(( Op, Res = done ), E, Res = refused(E)), format("~w: ~w~n", [Op, Res]).

report :-
    format("~`-t~36|~n"),
    format("~w~t~12|~w~t~8+~t~w~8+~t~w~8+~n", [item, qty, price, value]),
    findall(I-Q-P, stock(I, Q, P), Rows0), msort(Rows0, Rows),
    forall(member(I-Q-P, Rows), ( V is Q * P, format("~w~t~12|~t~d~8+~t~2f~8+~t~2f~8+~n", [I, Q, P, V]) )),
    aggregate_all(sum(Q * P), stock(_, Q, P), Total),
    format("~`-t~36|~n~w~t~28|~t~2f~8+~n", [total, Total]).

main :-
    report,
    maplist(do, [sell(apple, 15), sell(melon, 5), receive(kiwi, 30, 0.3), sell(kiwi, 30),
                 sell(grape, 1), receive(melon, 2, 2.5), sell(melon, 5), sell(pear, 2)]),
    report.
