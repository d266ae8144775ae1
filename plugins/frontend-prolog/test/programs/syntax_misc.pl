:- set_prolog_flag(double_quotes, codes).
main :- X = 0'a, write(X), nl, Y = 0x1F, write(Y), nl, Z = 0b101, write(Z), nl, W = 0o17, write(W), nl,
  A = "a\nb", write(A), nl, B = 'tab\there', write(B), nl, C = {x, y}, C = {Inner}, write(Inner), nl,
  /* block comment */ D = [a|[b|[]]], write(D), nl, E = - 3, write(E), nl, F = -(3), integer(F) -> write(neg_int) ; write(other).
