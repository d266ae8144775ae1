% Which error SWI-Prolog raises where several apply, and the checks jitc once missed
% (found by the random-program and builtin properties): arithmetic evaluates the right
% operand first, compare/3 checks its order argument, between/3 its third argument,
% atom_length/2 its text first and takes code and char lists.
t(G) :- catch((G -> write(yes) ; write(no)), error(F, _), print(F)), nl.

main :- main1, numlists, succs.
main1 :-
    X = 'A b',
    t(_ is X + _), t(_ is _ + X), t(_ is X * X - _), t(_ is _ * _ - X), t(_ is a + b),
    t(_ is (a + b) * c), t(_ is a * (b + c)), t(_ is max(a, _)), t(_ is (a + b) + (c + d)),
    t(a > _), t(_ > a), t(_ < 1 + a),
    t(compare(_, [a], 3)), t(compare(<, 1, 2)), t(compare(=, 1, 1.0)), t(compare([], a, b)),
    t(compare(a, _, _)), t(compare(f(x), _, _)), t(compare(1, a, a)),
    t(between(1, 3, [a])), t(between(1, 3, foo)), t(between(1, 3, 1.0)), t(between(1, a, [a])),
    t(between(1, 3, 2)), t(between(1, inf, 5)),
    t(atom_length(_, [1, _])), t(atom_length([a, b], 2)), t(atom_length([0'a], 1)), t(atom_length([a, f(x)], _)),
    t(atom_length([a|_], _)), t(atom_length([ab], _)), t(atom_length([a|b], _)), t(atom_length(f(x), _)),
    t(atom_codes(b, b)), t(atom_chars(b, b)), t(atom_codes(b, [x|y])), t(atom_codes(b, [_|y])),
    t(atom_chars(b, [0'b])), t(atom_codes(b, [0'b])), t(number_codes(1, a)), t(atom_codes(b, 3)),
    t(aggregate_all(count, member(_, [a, b]), [a])), t(aggregate_all(count, member(_, [a, b]), 2)).

% numlist/3 takes integers only (a float bound counted up for ever) and fails when L > H.
numlists :-
    t(numlist(1.0e300, 1.0e300, _)), t(numlist(1, 1.5, _)), t(numlist(_, 3, _)), t(numlist(1, a, _)),
    t(numlist(5, 1, _)), t(numlist(3, 3, [3])), t((numlist(-2, 2, L), write(L), nl)).

% succ/2 checks its second argument too once the first is an integer.
succs :- t(succ(3, [a])), t(succ(a, [a])), t(succ(_, a)), t(succ(3, 4)), t(succ(3, 5)), t(succ(-1, _)), t(succ(3, 4.0)).
