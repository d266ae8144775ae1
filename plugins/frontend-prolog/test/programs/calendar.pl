% Calendar arithmetic: leap years, day of the week by Zeller's congruence, days between
% dates, and a month printed as a grid with format/2 column stops (~t~d~3|, ~+).
leap(Y) :- ( Y mod 400 =:= 0 -> true ; Y mod 100 =:= 0 -> fail ; Y mod 4 =:= 0 ).
month_days(2, Y, D) :- !, ( leap(Y) -> D = 29 ; D = 28 ).
month_days(M, _, D) :- ( memberchk(M, [4, 6, 9, 11]) -> D = 30 ; D = 31 ).

% 0 = Saturday ... 6 = Friday
zeller(Y0, M0, D, W) :-
    ( M0 < 3 -> M is M0 + 12, Y is Y0 - 1 ; M = M0, Y = Y0 ),
    K is Y mod 100, J is Y // 100,
    W is (D + (13 * (M + 1)) // 5 + K + K // 4 + J // 4 + 5 * J) mod 7.
day_name(W, N) :- nth0(W, [saturday, sunday, monday, tuesday, wednesday, thursday, friday], N).

days_from_civil(Y0, M, D, N) :-
    ( M =< 2 -> Y is Y0 - 1 ; Y = Y0 ),
    Era is Y // 400, Yoe is Y - Era * 400,
    Mp is (M + 9) mod 12, Doy is (153 * Mp + 2) // 5 + D - 1,
    Doe is Yoe * 365 + Yoe // 4 - Yoe // 100 + Doy,
    N is Era * 146097 + Doe - 719468.

print_month(Y, M) :-
    nth1(M, [january, february, march, april, may, june, july, august, september, october, november, december], Name),
    format("~t~w ~d~t~21|~n", [Name, Y]),
    format("Mo Tu We Th Fr Sa Su~n"),
    zeller(Y, M, 1, W), Offset is (W + 5) mod 7,
    month_days(M, Y, ND),
    Pad is Offset * 3, format("~*c", [Pad, 0' ]),
    forall(between(1, ND, D), ( Col is (Offset + D - 1) mod 7, format("~t~d~2|", [D]), ( Col =:= 6 -> nl ; D < ND -> write(' ') ; nl ) )),
    ( (Offset + ND) mod 7 =:= 0 -> true ; true ).

main :-
    include(leap, [1900, 1996, 2000, 2023, 2024, 2100, 2400], Leaps), format("leap years: ~w~n", [Leaps]),
    forall(member(Y-M-D, [1969-7-20, 2000-1-1, 2024-2-29, 1815-6-18, 2038-1-19]),
           ( zeller(Y, M, D, W), day_name(W, N), format("~d-~|~`0t~d~2+-~|~`0t~d~2+ was a ~a~n", [Y, M, D, N]) )),
    days_from_civil(1970, 1, 1, E0), days_from_civil(2024, 3, 15, E1), Diff is E1 - E0,
    format("epoch day of 2024-03-15: ~d (from ~d)~n", [Diff, E0]),
    days_from_civil(2000, 1, 1, A), days_from_civil(2100, 1, 1, B), format("days in the 21st century: ~D~n", [B - A]),
    print_month(2024, 2), print_month(2023, 10).
