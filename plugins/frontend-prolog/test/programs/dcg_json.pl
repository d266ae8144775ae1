% A DCG parser for a small JSON subset over code lists (objects, arrays, strings, integers,
% true/false/null), with syntax errors thrown and caught, and a pretty printer.
json(V) --> ws, value(V), ws.

value(obj(Ps)) --> "{", ws, members(Ps), ws, "}", !.
value(arr(Vs)) --> "[", ws, elements(Vs), ws, "]", !.
value(str(S)) --> "\"", chars(Cs), "\"", !, { atom_codes(S, Cs) }.
value(num(N)) --> digits(Ds), { Ds \= [] }, !, { number_codes(N, Ds) }.
value(true) --> "true", !.
value(false) --> "false", !.
value(null) --> "null", !.
value(_) --> rest(R), { atom_codes(A, R), throw(json_error(A)) }.

members([K-V | Ps]) --> pair(K, V), ws, ( "," -> ws, members(Ps) ; { Ps = [] } ).
members([]) --> [].
pair(K, V) --> value(str(K)), ws, ":", ws, value(V).

elements([V | Vs]) --> value(V), ws, ( "," -> ws, elements(Vs) ; { Vs = [] } ).
elements([]) --> [].

chars([C | Cs]) --> [C], { C \== 0'" }, !, chars(Cs).
chars([]) --> [].
digits([D | Ds]) --> [D], { code_type(D, digit) }, !, digits(Ds).
digits([]) --> [].
ws --> [C], { code_type(C, space) }, !, ws.
ws --> [].
rest(R, R, []).

pp(obj(Ps), I) :- !, write('{'), nl, I2 is I + 2, pp_pairs(Ps, I2), tab(I), write('}').
pp(arr(Vs), I) :- !, write('['), pp_list(Vs, I), write(']').
pp(str(S), _) :- !, writeq(S).
pp(num(N), _) :- !, write(N).
pp(V, _) :- write(V).
pp_pairs([], _).
pp_pairs([K-V | Ps], I) :- tab(I), format("~a: ", [K]), pp(V, I), ( Ps == [] -> nl ; write(','), nl ), pp_pairs(Ps, I).
pp_list([], _).
pp_list([V], I) :- !, pp(V, I).
pp_list([V | Vs], I) :- pp(V, I), write(', '), pp_list(Vs, I).

parse(Text) :-
    atom_codes(Text, Cs),
    catch(( phrase(json(V), Cs) -> pp(V, 0), nl ; writeln(no_parse) ),
          json_error(At), format("syntax error at: ~w~n", [At])).

main :-
    parse('{"name": "jitc", "version": 1, "tags": ["jit", "prolog"], "ok": true}'),
    parse('[1, 2, [3, 4], {"a": null}]'),
    parse('{"nested": {"deep": {"x": 42}}, "empty": [], "e": {}}'),
    parse('[1, 2,, 3]'),
    parse('  17  '),
    parse('{"k" 1}').
