% What SWI-Prolog's reader accepts beyond ISO: arguments and list elements of any priority,
% character code forms, bar tails and nested operators.
t(f(a;b)).
t(f(a:-b)).
t(f(a:-b, c)).
t([a:-b, c]).
t([a|b]).
t([a, b|[c]]).
t([a|b:-c]).
t(0'\n).
t(0''').
t(0'').
t(0' ).
t(g(- 1, -(1), - a, -(-(1)), 1 - -1, a- (-1))).
t({a, b}).
t(f(;)).
t([-]).
t(f(:-)).
t(- - a).
t(\+ (a, b)).
t(f(a :- b ; c, d)).
t("multi\
line").
t('\x41\\x42\').
t(0b101 + 0o17 + 0xff).
t(1.0e10).

main :- forall(t(X), (writeq(X), nl)), forall(t(X), (write_canonical(X), nl)).
