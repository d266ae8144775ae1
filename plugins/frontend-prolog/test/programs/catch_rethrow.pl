p(X) :- catch(q(X), E, (write(caught_in_p(E)), nl, throw(wrapped(E)))).
q(X) :- X > 0, throw(positive(X)).
q(_).
main :- catch(p(5), W, (write(W), nl)), p(-1), write(neg_ok), nl.
