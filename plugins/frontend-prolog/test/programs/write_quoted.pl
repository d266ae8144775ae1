main :- forall(member(X, ['A', 'a b', abc, 'don''t', [], '{}', ';', ',', '|', '\n', +, '+a', aB9_, 'é']), (writeq(X), nl)), print(f('X')), nl, write('X y'), nl.
