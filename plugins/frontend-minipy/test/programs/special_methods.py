# Special methods called by the built-in operations: a card game with a deck, a hand and a
# sparse board.


class Card:
    RANKS = "23456789TJQKA"

    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __lt__(self, other):
        return Card.RANKS.index(self.rank) < Card.RANKS.index(other.rank)

    def __eq__(self, other):
        return self.rank == other.rank and self.suit == other.suit

    def __repr__(self):
        return self.rank + self.suit


class Deck:
    def __init__(self, cards):
        self.cards = list(cards)

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]

    def __setitem__(self, i, card):
        print("replace", self.cards[i], "with", card)
        self.cards[i] = card

    def __contains__(self, card):
        return card in self.cards

    def __iter__(self):
        for c in self.cards:
            yield c


class Dealer:
    """An iterator: deals from the top of a deck until it is empty."""

    def __init__(self, deck):
        self.deck = deck
        self.dealt = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.dealt >= len(self.deck):
            raise StopIteration
        self.dealt += 1
        return self.deck[self.dealt - 1]


class Board:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, pos):
        return self.cells.get(pos, ".")

    def __setitem__(self, pos, mark):
        self.cells[pos] = mark

    def __bool__(self):
        return len(self.cells) > 0


deck = Deck(Card(r, s) for r in "A2K3T" for s in "hs")
print(len(deck), deck[0], deck[-1], Card("K", "s") in deck, Card("Q", "h") in deck)
deck[1] = Card("9", "d")
print(list(deck)[:3], sorted(deck)[:4], max(deck), min(deck))
hand = [c for c in Dealer(Deck(deck[i] for i in range(0, 10, 3)))]
print(hand, sorted(hand, reverse=True), sorted(hand, key=lambda c: c.suit))
hand.sort()
print(hand, min(hand[2], hand[0]), max(hand, key=lambda c: c.suit))
print(sum(1 for c in deck if c.suit == "h"), any(c.rank == "T" for c in deck))
dealer = Dealer(deck)
print(next(dealer), next(dealer), list(zip([next(dealer) for _ in range(3)], "xyz")))
print(next(dealer), next(dealer, "no more"), list(enumerate(Dealer(Deck(hand[:2])))))
first, second = Deck(hand[:2])
print(first, second, "-".join(repr(c) for c in Deck(hand)))

board = Board()
print(bool(board), "empty" if not board else "marked")
board[(0, 0)] = "X"
board[(1, 1)] = "O"
print(bool(board), board[(0, 0)] + board[(0, 1)] + board[(1, 1)])
for row in range(2):
    print(" ".join(board[(row, col)] for col in range(3)))
empty = Deck([])
if not empty:
    print("empty deck is false, length", len(empty))
while empty:
    print("never")


class Shout:
    def __bool__(self):
        return 1


try:
    if Shout():
        print("unreachable")
except TypeError as e:
    print("TypeError:", e)


class NotIter:
    def __iter__(self):
        return 42


try:
    for x in NotIter():
        pass
except TypeError as e:
    print("TypeError:", e)
print(sorted([Card("5", "c")]), Card("2", "h") < Card("3", "h"))
print(min(Deck([])))
