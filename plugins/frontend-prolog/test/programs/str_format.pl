% format/2,3 with strings: ~s ~a ~w ~q, sinks that make strings, column stops.
row(Name, Qty, Price) :- format("~w~t~12|~t~d~6+~t~2f~10+~n", [Name, Qty, Price]).

main :-
    format("~s and ~s~n", ["codes", [0'o, 0'k]]),
    format("~a|~w|~q~n", ["atomic", "written", "quoted"]),
    format(string(S), "~w-~w", [left, "right"]), writeq(S), nl,
    format(atom(A), "~s!", ["bang"]), writeq(A), nl,
    format(codes(C), "hi", []), writeq(C), nl,
    with_output_to(string(W), (write(a), write("b"), print("c"))), writeq(W), nl,
    string_length(W, WL), writeln(WL),
    format("~p~n", ["printed"]),
    row("apple", 3, 1.5), row(banana, 12, 0.25), row("kiwi", 100, 12.0),
    format("~`-t~30|~n"),
    format("~e ~4f ~g~n", [1.0, 2.5, 0.1]),
    format(string(Empty), "", []), writeq(Empty), nl,
    format("~c~c~n", [0'o, 0'k]).
