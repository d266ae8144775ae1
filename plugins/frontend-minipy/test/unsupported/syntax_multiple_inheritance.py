class Point(A, B):
    pass
