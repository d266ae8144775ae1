:- initialization(go).
:- write(loading), nl.
go :- write(init_ran), nl.
main :- write(main_ran), nl.
