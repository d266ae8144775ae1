% ISO errors raised by builtins and caught by catch/3 with error(Formal, _) patterns.
:- set_prolog_flag(double_quotes, codes).
t(G) :- catch((G, write(ok)), error(E, _), (write(caught), write(' '), writeq(E))), nl.
u(G) :- catch(G, error(type_error(T, C), _), (writeq(type(T, C)), nl)).
main :-
  t(_ is foo + 1), t(_ is 1 + a), t(_ is _ + 1), t(_ is 5 mod 0), t(_ is 5 // 0),
  t(_ is 2.5 mod 1), t(_ is 1 << 1.0), t(atom_length(_, _)), t(atom_length(abc, foo)),
  t(arg(x, f(a), _)), t(arg(0, atom, _)), t(functor(_, _, _)), t(atom_codes(_, _)),
  t(undefined_thing_xyz(1)), t(call(1)), t(_ =.. _), t(_ =.. [foo|bar]),
  t(number_codes(_, "3x")), t(X is 1 + 2), writeq(X), nl,
  u(atom_length(f(x), _)), u(_ is foo),
  catch(u(throw(not_an_error)), B, (writeq(ball(B)), nl)),
  catch(t(throw(error(my_error, ctx))), _, true),
  catch(t(throw(x)), x, (write(passed_through), nl)).
