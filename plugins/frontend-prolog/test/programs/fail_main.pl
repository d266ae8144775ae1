main :- write(trying), nl, fail.
