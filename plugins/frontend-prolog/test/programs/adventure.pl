% A tiny text adventure as a state machine in the database: rooms, items and the player's
% place as dynamic facts changed by assert/retract, commands read from a script, refused
% commands as exceptions, and a score kept with succ/2.
:- dynamic(at/2).
:- dynamic(here/1).
:- dynamic(score/1).

door(hall, kitchen). door(hall, library). door(library, study). door(kitchen, cellar).
connected(A, B) :- door(A, B) ; door(B, A).

at(lamp, hall). at(key, kitchen). at(book, library). at(chest, study).
here(hall). score(0).

command(go(Room)) :-
    here(From), ( connected(From, Room) -> true ; throw(refused(no_way(From, Room))) ),
    ( Room == study, \+ at(key, player) -> throw(refused(locked(study))) ; true ),
    ( Room == cellar, \+ at(lamp, player) -> throw(refused(too_dark)) ; true ),
    retract(here(From)), assertz(here(Room)), format("You walk to the ~w.~n", [Room]).
command(take(Item)) :-
    here(Room), ( retract(at(Item, Room)) -> true ; throw(refused(not_here(Item))) ),
    ( Item == chest -> throw(refused(too_heavy)) ; true ),
    assertz(at(Item, player)), bump, format("Taken: ~w.~n", [Item]).
command(drop(Item)) :-
    ( retract(at(Item, player)) -> true ; throw(refused(not_carried(Item))) ),
    here(Room), assertz(at(Item, Room)), format("Dropped: ~w.~n", [Item]).
command(look) :-
    here(Room), findall(I, at(I, Room), Is), findall(R, connected(Room, R), Rs), sort(Rs, Exits),
    format("~w: items ~w, exits ~w~n", [Room, Is, Exits]).
command(inventory) :- findall(I, at(I, player), Is), msort(Is, S), format("Carrying ~w~n", [S]).

bump :- retract(score(S)), succ(S, S1), assertz(score(S1)).

play(C) :-
    format("> ~w~n", [C]),
    catch(( command(C) -> true ; writeln('I do not understand.') ),
          refused(Why), format("You cannot: ~w.~n", [Why])).

main :-
    Script = [look, take(lamp), go(study), go(library), take(book), take(book), go(study),
              go(library), go(hall), go(kitchen), take(key), go(cellar), drop(lamp), go(kitchen),
              go(hall), go(library), go(study), look, take(chest), inventory, dance],
    maplist(play, Script),
    score(S), format("Score: ~d~n", [S]),
    findall(I-W, at(I, W), All), msort(All, Sorted), print(Sorted), nl.
