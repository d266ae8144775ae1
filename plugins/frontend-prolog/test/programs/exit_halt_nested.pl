% halt/1 from inside catch/3, findall/3 and a continuation: the status is halt's argument
% and nothing after it runs.
p(3) :- write(p3), nl, halt(3).
p(X) :- write(p(X)), nl.
main :- catch(findall(X, (member(X, [1, 2, 3]), p(X)), _), _, (write(caught), nl)), write(unreachable), nl.
