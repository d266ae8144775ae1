% A fact table (64 facts or more) whose arguments are strings, looked up both ways.
city(1, "City1", "Region1").
city(2, "City2", "Region2").
city(3, "City3", "Region3").
city(4, "City4", "Region4").
city(5, "City5", "Region0").
city(6, "City6", "Region1").
city(7, "City7", "Region2").
city(8, "City8", "Region3").
city(9, "City9", "Region4").
city(10, "City10", "Region0").
city(11, "City11", "Region1").
city(12, "City12", "Region2").
city(13, "City13", "Region3").
city(14, "City14", "Region4").
city(15, "City15", "Region0").
city(16, "City16", "Region1").
city(17, "City17", "Region2").
city(18, "City18", "Region3").
city(19, "City19", "Region4").
city(20, "City20", "Region0").
city(21, "City21", "Region1").
city(22, "City22", "Region2").
city(23, "City23", "Region3").
city(24, "City24", "Region4").
city(25, "City25", "Region0").
city(26, "City26", "Region1").
city(27, "City27", "Region2").
city(28, "City28", "Region3").
city(29, "City29", "Region4").
city(30, "City30", "Region0").
city(31, "City31", "Region1").
city(32, "City32", "Region2").
city(33, "City33", "Region3").
city(34, "City34", "Region4").
city(35, "City35", "Region0").
city(36, "City36", "Region1").
city(37, "City37", "Region2").
city(38, "City38", "Region3").
city(39, "City39", "Region4").
city(40, "City40", "Region0").
city(41, "City41", "Region1").
city(42, "City42", "Region2").
city(43, "City43", "Region3").
city(44, "City44", "Region4").
city(45, "City45", "Region0").
city(46, "City46", "Region1").
city(47, "City47", "Region2").
city(48, "City48", "Region3").
city(49, "City49", "Region4").
city(50, "City50", "Region0").
city(51, "City51", "Region1").
city(52, "City52", "Region2").
city(53, "City53", "Region3").
city(54, "City54", "Region4").
city(55, "City55", "Region0").
city(56, "City56", "Region1").
city(57, "City57", "Region2").
city(58, "City58", "Region3").
city(59, "City59", "Region4").
city(60, "City60", "Region0").
city(61, "City61", "Region1").
city(62, "City62", "Region2").
city(63, "City63", "Region3").
city(64, "City64", "Region4").
city(65, "City65", "Region0").
city(66, "City66", "Region1").
city(67, "City67", "Region2").
city(68, "City68", "Region3").
city(69, "City69", "Region4").
city(70, "City70", "Region0").

main :-
    city(7, Name, Region), writeq(Name-Region), nl,
    ( city(Id, "City42", _) -> writeln(Id) ; writeln(missing) ),
    aggregate_all(count, city(_, _, "Region0"), N0), writeln(N0),
    findall(I, city(I, _, "Region3"), Is), length(Is, L3), writeln(L3),
    ( city(_, "Nowhere", _) -> writeln(found) ; writeln(not_found) ),
    findall(R, city(_, _, R), Rs), sort(Rs, Regions), print(Regions), nl,
    city(70, C70, _), string_concat(C70, "!", Shout), writeq(Shout), nl,
    aggregate_all(max(I2), (city(I2, Nm, _), sub_string(Nm, _, _, 0, "9")), Max), writeln(Max).
