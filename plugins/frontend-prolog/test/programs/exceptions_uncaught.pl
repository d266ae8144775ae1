main :- write(before), nl, throw(oops).
