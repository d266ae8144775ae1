:- set_prolog_flag(double_quotes, codes).
main :- atom_codes(abc, L), write(L), nl, atom_codes(A, "xyz"), write(A), nl, atom_chars(hello, Cs), write(Cs), nl,
  atom_length(hello, N), write(N), nl, char_code(C, 65), write(C), nl, atom_number('42', X), Y is X + 1, write(Y), nl,
  number_codes(Z, "3.5"), write(Z), nl, atom_concat(foo, bar, FB), write(FB), nl, X2 = "hi", write(X2), nl.
