% A bank ledger kept in the database: accounts opened, deposits, withdrawals and transfers
% as assert/retract, refused operations as exceptions, a history and a balance report.
:- dynamic(account/2).
:- dynamic(history/3).
:- dynamic(next_id/1).

next_id(1).

log(Op, Account, Amount) :-
    retract(next_id(N)), N1 is N + 1, assertz(next_id(N1)),
    assertz(history(N, Op, Account-Amount)).

open_account(Name) :-
    ( account(Name, _) -> throw(ledger(already_open(Name))) ; assertz(account(Name, 0)), log(open, Name, 0) ).

balance(Name, B) :- ( account(Name, B) -> true ; throw(ledger(no_account(Name))) ).

deposit(Name, Amount) :-
    must_be_positive(Amount), balance(Name, B0), B is B0 + Amount,
    retract(account(Name, B0)), assertz(account(Name, B)), log(deposit, Name, Amount).

withdraw(Name, Amount) :-
    must_be_positive(Amount), balance(Name, B0),
    ( B0 >= Amount -> true ; throw(ledger(insufficient(Name, B0, Amount))) ),
    B is B0 - Amount, retract(account(Name, B0)), assertz(account(Name, B)), log(withdraw, Name, Amount).

transfer(From, To, Amount) :- balance(To, _), withdraw(From, Amount), deposit(To, Amount).

must_be_positive(A) :- ( integer(A), A > 0 -> true ; throw(ledger(bad_amount(A))) ).

apply_op(Op) :-
    catch(( call(Op) -> R = ok ; R = failed ), ledger(Why), R = refused(Why)),
    write(Op), write(' => '), write(R), nl.

interest(Rate) :-
    forall(account(Name, B), ( I is B * Rate // 100, ( I > 0 -> deposit(Name, I) ; true ) )).

main :-
    maplist(apply_op, [ open_account(alice), open_account(bob), open_account(alice),
        deposit(alice, 100), deposit(bob, 50), withdraw(bob, 80), transfer(alice, bob, 30),
        transfer(alice, carol, 10), deposit(alice, -5), deposit(bob, 1.5),
        withdraw(alice, 70), deposit(alice, 123456789012345678901234567890), interest(3) ]),
    findall(N-B, account(N, B), Accounts), msort(Accounts, Sorted), write(Sorted), nl,
    aggregate_all(count, history(_, _, _), Count), write(entries(Count)), nl,
    forall(history(I, Op, Entry), ( write(I), write(' '), write(Op), write(' '), write(Entry), nl )),
    aggregate_all(sum(A), history(_, deposit, _-A), Deposited), write(deposited(Deposited)), nl,
    retract(account(bob, _)), ( catch(balance(bob, _), ledger(E), (write(E), nl)) -> true ; true ).
