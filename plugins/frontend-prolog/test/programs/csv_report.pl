% A CSV report: lines of a string split with split_string/4, fields converted with
% number_string/2 and atom_string/2, rows asserted, then grouped totals with
% aggregate_all/3 and bagof/3, and a table printed with ~t~| and ~+ column stops.
:- dynamic(sale/4).

data("region,product,units,price
north,widget,12,2.50
south,widget,7,2.50
north,gadget,3,10.00
east,widget,20,2.25
south,gizmo,1,99.99
east,gadget,5,9.50
north,widget,4,2.50
west,gizmo,2,95.00").

load :-
    data(D), split_string(D, "\n", "", [_Header | Lines]),
    forall(member(L, Lines),
           ( split_string(L, ",", " ", [R, P, U, Pr]),
             atom_string(Region, R), atom_string(Product, P),
             number_string(Units, U), number_string(Price, Pr),
             assertz(sale(Region, Product, Units, Price)) )).

main :-
    load,
    aggregate_all(count, sale(_, _, _, _), N), format("~d rows~n", [N]),
    format("~w~t~10|~w~t~10+~t~w~8+~n", [region, units, revenue]),
    format("~`=t~28|~n"),
    forall(bagof(U-P, Pr^(sale(R, P, U, Pr)), _),
           ( aggregate_all(sum(U1), sale(R, _, U1, _), Units),
             aggregate_all(sum(U2 * P2), sale(R, _, U2, P2), Rev),
             format("~w~t~10|~t~d~6+~t~2f~12+~n", [R, Units, Rev]) )),
    aggregate_all(sum(U * P), sale(_, _, U, P), Total), format("~`-t~28|~ntotal~t~28|~n~t~2f~28|~n", [Total]),
    setof(P-Rs, setof(R, U^Pr^sale(R, P, U, Pr), Rs), ByProduct),
    forall(member(P-Rs, ByProduct), ( atomic_list_concat(Rs, '/', A), format("~a sold in ~a~n", [P, A]) )),
    aggregate_all(max(V, R-Prod), (sale(R, Prod, U, P), V is U * P), max(Best, Who)), format("best line: ~w (~2f)~n", [Who, Best]),
    retract(sale(south, gizmo, _, _)), aggregate_all(count, sale(_, gizmo, _, _), NG), format("gizmo rows left: ~d~n", [NG]),
    catch(aggregate_all(max(U3 * P3, R3), sale(R3, _, U3, P3), _), error(Err, _), ( print(Err), nl )),
    format("~a~t~15|~a~n~e ~4e ~g~n", [left, right, 1234.5, 0.000123, 0.1]).
