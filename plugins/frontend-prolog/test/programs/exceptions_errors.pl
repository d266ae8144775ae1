e(G) :- catch(G, error(E, _), (write(E), nl)).
main :- e(_ is foo + 1), e(_ is _ + 1), e(atom_length(_, _)), e(undefined_pred_xyz), e(_ is 1 / 0), e(call(1)),
  e(arg(x, f(a), _)), e(functor(_, _, _)).
