% A small sales report: format/2 column stops, fills, number directives,
% format/3 into atoms and codes, with_output_to/2, and format's own errors.
:- set_prolog_flag(double_quotes, codes).

sale(north, widget, 1200, 3.5).
sale(north, gadget, 75, 12.25).
sale(south, widget, 310, 3.5).
sale(south, gizmo, 1234567, 0.125).
sale(east, gadget, 0, 12.25).
sale(west, gizmo, 42, 99.999).

rule(W) :- format("~`-t~*|~n", [W]).

header :-
    rule(52),
    format("~w~t~10|~w~t~20|~t~w~32|~t~w~42|~t~w~52|~n", [region, item, units, price, total]),
    rule(52).

line(R, I, U, P) :-
    T is U * P,
    format("~a~t~10|~a~t~20|~t~D~32|~t~2f~42|~t~2f~52|~n", [R, I, U, P, T]).

totals :-
    findall(T, (sale(_, _, U, P), T is U * P), Ts),
    sum_list(Ts, Sum),
    length(Ts, N),
    format("~t~w rows~20|~t~2f~52|~n", [N, Sum]).

centred(Text, Width) :- format("[~t~w~t~*|]~n", [Text, Width]).

numbers :-
    format("~e ~3e ~g ~g ~g~n", [1234.5, -0.000321, 0.5, 1.0e20, 100000.0]),
    format("~0f ~0f ~0f ~1f ~3f~n", [0.5, 1.5, 2.5, 0.25, 2]),
    format("~d ~2d ~D ~3D~n", [-42, 314, 9876543210, -1234567]),
    format("~8r ~16r ~16R ~2r~n", [255, 255, 255, 10]),
    format("~c~c~3c ~a ~q ~w~n", [0'o, 0'k, 0'!, 'it''s', 'it''s', [x, 'Y']]),
    format("~i~w ~s ~~ ~p~n", [skipped, shown, "codes", 'Q q']).

errors :-
    forall(member(F-A, ["~d"-[x], "~w ~w"-[one], "~w"-[a, b], "~a"-[f(x)], "~q~z"-[z], "~c"-[-1]]),
           ( catch(format(F, A), error(E, _), (nl, print(caught(E)), nl)) -> true ; true )).

sinks :-
    format(atom(A), "~w-~w", [left, right]), atom_length(A, N),
    format("atom ~q has ~d chars~n", [A, N]),
    format(codes(C), "~a", [abc]), format("codes ~w~n", [C]),
    format(chars(Ch), "x~dy", [7]), format("chars ~w~n", [Ch]),
    with_output_to(atom(B), (write(a), nl, format("~t~w~6|", [b]))),
    format("captured ~q~n", [B]),
    (   catch(with_output_to(atom(_), (write(lost), fail)), _, true) -> true ; format("failed, output dropped~n") ),
    catch(with_output_to(atom(_), throw(oops)), Ball, (format("caught ~w~n", [Ball]))),
    format("~w~n", hello),
    format(user_output, "explicit stream ~w~n", [ok]),
    write(pre), format("~t~w~10|~n", [col]), flush_output.

main :-
    header,
    forall(sale(R, I, U, P), line(R, I, U, P)),
    rule(52),
    totals,
    centred(mid, 11), centred(centre, 12),
    format("~ta~tb~tc~td~t~13|~n"),
    format("~w~t~5+~w~t~5+~w~n", [abcdefgh, b, c]),
    numbers,
    errors,
    sinks.
