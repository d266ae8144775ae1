% Palindromes among phrases: normalise with string_lower and string_chars, compare reversed.
phrase_text("A man, a plan, a canal: Panama").
phrase_text("Was it a car or a cat I saw?").
phrase_text("Prolog is fun").
phrase_text("No lemon, no melon").
phrase_text("").

letters(S, Ls) :- string_lower(S, Low), string_chars(Low, Cs), include(letter, Cs, Ls).
letter(C) :- char_code(C, X), X >= 0'a, X =< 0'z.

palindrome(S) :- letters(S, Ls), reverse(Ls, Ls).

main :-
    forall(phrase_text(P), ( palindrome(P) -> format("yes: ~w~n", [P]) ; format("no:  ~w~n", [P]) )),
    findall(P, (phrase_text(P), palindrome(P)), Ps), length(Ps, N), writeln(N),
    letters("Madam, I'm Adam", L), string_chars(S, L), writeq(S), nl,
    string_length(S, SL), Half is SL // 2, sub_string(S, 0, Half, _, Front), writeq(Front), nl,
    reverse(L, RL), atom_chars(RA, RL), writeq(RA), nl.
