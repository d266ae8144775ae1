% Cut in every context: call/1 and \+ make it local, if-then-else branches and
% disjunctions pass it through to the clause, a cut in a condition is local to it.
t(1). t(2). t(3).
a(X) :- t(X), call(!).
b(X) :- t(X), \+ \+ !, X > 1.
c(X) :- ( t(X), ! ; X = 9 ).
d(X) :- ( t(X), X > 1 -> ! ; true ), X > 0.
e(X) :- call((t(X), !)).
f(X, Y) :- t(X), ( X > 1 -> t(Y), ! ; Y = none ).
g(X) :- G = (t(X), !), G.
h(X) :- t(X), \+ ( t(Y), !, Y > 1 ).
i(X) :- ( ( t(X), ! ) -> true ; X = 0 ).
j(X) :- once(t(X)), X > 0.
k(X) :- catch((t(X), !), _, true).
l(X) :- t(X), ( X =:= 2 -> ! , fail ; true ).
m(X) :- findall(Y, (t(Y), !), X).
n(X) :- forall(t(Y), (Y > 0, !)), X = ok.
o(X) :- t(X), ( true ; ! ), X >= 2.
all(G) :- findall(G, G, L), write(L), nl.
main :- all(a(_)), all(b(_)), all(c(_)), all(d(_)), all(e(_)), all(f(_, _)), all(g(_)),
  all(h(_)), all(i(_)), all(j(_)), all(k(_)), all(l(_)), all(m(_)), all(n(_)), all(o(_)).
