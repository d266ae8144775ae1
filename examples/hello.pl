% Hello, world in Prolog: jitc --backend armv7 examples/hello.pl
:- initialization(main).

main :- write('Hello, world!'), nl.
