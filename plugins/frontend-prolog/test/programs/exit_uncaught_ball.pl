% An uncaught non-error ball after some output: swipl -g main exits with status 2;
% catch/3 that does not match lets the ball through, cleanup goals run before.
k(X) :- catch(X, wrong, (write(wrong_catcher), nl)).
main :- write(before), nl, catch(throw(first), first, (write(caught_first), nl)),
  k((write(inner), nl, throw(my_ball(1, [a])))), write(after), nl.
