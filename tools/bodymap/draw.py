"""Offline builder of the body map's drawing, src/musclemap/data/bodymap.svg (python tools/bodymap/draw.py [OUT]).

Generate bodymap.svg. All shapes are drawn for one half of the body in 'canonical'
coordinates: x = distance from the midline (positive = lateral), y = height in the
1000x1000 canvas. Each half-shape is then placed for the body's left and right side in
the front view (midline x=250; body's left on the viewer's right) and the back view
(midline x=750; body's left on the viewer's left)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lib import K, corner as Kc, frame, strap, path_d

OUT = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "src" / "musclemap" / "data" / "bodymap.svg")

# ---------------------------------------------------------------- skeleton frames
S = (92.0, 192.0)              # shoulder joint
A = frame(S, 15)               # upper arm
E = A(165)                     # elbow
F = frame(E, 22)               # forearm
W = F(140)                     # wrist
H = frame(W, 17)               # hand

# ---------------------------------------------------------------- outline (one half)
def outline_half():
    p = []
    # head
    p += [(0, 25), (21, 28), (35, 41), (41, 62), (41, 84)]
    # ear
    p += [(43, 86), (46, 94), (45, 106), (40, 114)]
    # jaw angle into the neck
    p += [(36, 124), Kc((30, 134)), (29, 142)]
    # neck to shoulder slope
    p += [(33, 150), (46, 157), (66, 165), (84, 172), (98, 178)]
    # shoulder cap and outer arm
    p += [(110, 183), A(8, 22), A(28, 25), A(52, 24), A(76, 21.5), A(92, 20), A(112, 21),
          A(138, 20), A(158, 19.5)]
    # outer forearm
    p += [F(10, 22.5), F(32, 25), F(58, 22), F(88, 17), F(116, 14), F(136, 13)]
    # hand, thumb side first (palm forward)
    p += [H(8, 15), H(22, 20), H(36, 25), Kc(H(50, 28)), H(55, 25), H(50, 19), Kc(H(43, 15.5)),
          H(60, 15), H(78, 13.5), Kc(H(87, 10)), H(88, 6.5), Kc(H(84, 5.5)),
          H(92, 3), Kc(H(93, -1.5)), H(88, -3), Kc(H(88, -6)),
          H(86, -10), Kc(H(81, -13.5)), H(70, -15), H(46, -15.5), H(22, -14), H(6, -12.5)]
    # inner forearm, going up
    p += [F(134, -12), F(116, -13), F(88, -17), F(60, -20.5), F(34, -23), F(14, -23)]
    # inner upper arm
    p += [A(160, -22.5), A(138, -23), A(112, -24), A(88, -24)]
    # armpit, trunk side
    p += [Kc(A(70, -23.5)), (86, 282), (86, 302), (83, 326), (77, 348), (72, 370),
          (73.5, 392), (80, 415), (87, 442), (91, 468)]
    # outer thigh
    p += [(93, 500), (93, 535), (91, 575), (87, 612), (81, 648), (75.5, 680), (74, 700)]
    # outer lower leg
    p += [(75, 722), (79, 750), (80.5, 780), (78, 815), (73, 850), (70, 878), (72, 898)]
    # foot (front-on, toes slightly out)
    p += [(77, 912), (83, 930), (86, 942), Kc((82, 949)), (70, 951), (56, 951), (45, 948),
          Kc((40, 940)), (41, 922), (44, 904)]
    # inner lower leg, going up
    p += [(41, 884), (34, 852), (22, 816), (14, 782), (13, 752), (17, 726), (23, 706)]
    # inner thigh, going up to the crotch
    p += [(19.5, 680), (14.5, 648), (11, 603), (8, 560), (4.5, 520), Kc((0, 494))]
    return p


def outline_full():
    half = outline_half()
    # half runs from the head top (x=0) to the crotch (x=0); mirror the inner part
    other = [K((-pt[0], pt[1])) if isinstance(pt, K) else (-pt[0], pt[1]) for pt in half[1:-1]]
    return half + list(reversed(other))


# ---------------------------------------------------------------- shapes
FRONT = []   # (class, muscle, [subpaths])
BACK = []


def add(view, cls, muscle, *subpaths):
    view.append((cls, muscle, [list(s) for s in subpaths]))


# ======================= FRONT: superficial =======================
# neck
add(FRONT, "muscle", "sternocleidomastoid",
    [Kc((32, 119)), (35.5, 126), (32, 145), (26, 166), (21, 184), Kc((19, 192)), (13, 193.5), Kc((7, 193)),
     (8, 186), (13, 167), (21, 145), (28, 126)])
add(FRONT, "muscle", "trapezius_upper",
    [Kc((30.5, 143)), (34, 150), (47, 157.5), (66, 165), (84, 172), Kc((96, 178.5)),
     (82, 181), (68, 180.5), (54, 176), (42, 168), (34.5, 157)])
# shoulder
add(FRONT, "muscle", "deltoid_lateral",
    [Kc((99, 180)), (110, 184), A(8, 22), A(28, 25), A(52, 24), A(74, 21.5), Kc(A(90, 17)),
     A(72, 15), A(50, 15), A(28, 14), A(8, 11), (101, 184)])
add(FRONT, "muscle", "deltoid_anterior",
    [Kc((64, 187)), (78, 184.5), (93, 182), (100, 186), A(8, 9), A(28, 12), A(50, 13), A(72, 13.5), Kc(A(90, 15)),
     A(74, 5), A(56, -5), A(38, -15), A(20, -22), (70, 198)])
# chest
add(FRONT, "muscle", "pectoralis_major_clavicular_head",
    [Kc((7, 196)), (30, 192), (52, 189), Kc((62, 189)), (70, 199), A(20, -22.5), A(38, -16), Kc(A(56, -7)),
     (86, 238), (64, 228), (37, 218.5), Kc((7, 214))])
add(FRONT, "muscle", "pectoralis_major_sternal_head",
    [Kc((7, 216.5)), (37, 221), (64, 231), (86, 241), Kc(A(57, -8)), A(64, -16), Kc(A(70, -23)),
     (80, 277), (66, 287), (46, 293), (25, 293), (11, 289), Kc((6, 283)), (5.5, 250)])
add(FRONT, "muscle", "serratus_anterior",
    *[[Kc((bt, y0)), (70, y0 + 2.5), (62.5, y0 + 7), Kc((58.5, y0 + 11)), (62, y0 + 13.5), (70, y0 + 14),
       Kc((bb, y0 + 14.5))] for (y0, bt, bb) in ((283, 80.5, 80), (298.5, 80, 79), (314, 79, 77.5),
                                                 (329.5, 77, 73.5))])
add(FRONT, "muscle", "latissimus_dorsi",
    [Kc(A(70, -23.5)), (86, 282), (86, 302), (83, 326), (77.5, 347), Kc((73.5, 360)),
     (74, 344), (78.5, 326), (81, 304), (81.5, 286)])
# abdomen
add(FRONT, "muscle", "rectus_abdominis",
    [Kc((4, 297)), (24, 297), Kc((42, 301)), (44.5, 325), (45, 355), (42.5, 388), (36, 418), (27, 446),
     (18, 465), Kc((12, 474)), Kc((3.5, 476)), (3, 420), (3, 350)])
add(FRONT, "muscle", "external_oblique",
    [Kc((48.5, 306)), (53, 312), (55.5, 319), (56, 326), (55.5, 334), Kc((56, 340.5)), (60, 345.5), (66, 346),
     Kc((71.5, 346)), (72.5, 356), (71.5, 370),
     (73, 392), Kc((77.5, 407)), (70, 413), Kc((62, 420)), (54, 414), (49, 398), (48, 372), (48.5, 340)])
# arm, front
add(FRONT, "muscle", "biceps_brachii_long_head",
    [Kc(A(78, 8)), A(90, 12.5), A(108, 14), A(130, 12), A(148, 7), Kc(A(164, 1.5)),
     A(146, 0), A(124, -0.5), A(100, 0), A(82, 2)])
add(FRONT, "muscle", "biceps_brachii_short_head",
    [Kc(A(62, -13)), A(72, -4), A(88, -1.5), A(110, -1.5), A(132, -1.5), A(150, -0.5), Kc(A(164, 0.5)),
     A(150, -8), A(132, -16), A(110, -20.5), A(88, -21), A(72, -19)])
add(FRONT, "muscle", "brachialis",
    [Kc(A(96, 17.5)), A(110, 20.5), Kc(A(119, 20.5)), A(134, 16.5), A(148, 13.5), F(4, 7), Kc(F(18, 3)), F(8, 2), A(152, 7.5), A(134, 12.5),
     A(114, 15)],
    [Kc(A(118, -21)), A(138, -22), Kc(A(156, -17)), A(146, -13), A(132, -16.5)])
add(FRONT, "muscle", "brachioradialis",
    [Kc(A(120, 21)), A(140, 20.5), A(158, 19.5), F(10, 22.5), F(32, 25), F(58, 22), F(88, 17), F(112, 14.5),
     Kc(F(134, 12)), F(112, 10), F(86, 10.5), F(58, 13), F(32, 13), F(12, 10), A(152, 15), A(136, 17)])
add(FRONT, "muscle", "pronator_teres",
    [Kc(F(-4, -20)), F(4, -12), F(22, -2), F(44, 7), Kc(F(62, 11.5)), F(52, 5), F(34, -7), F(16, -17),
     Kc(F(4, -22))])
add(FRONT, "muscle", "flexor_carpi_radialis",
    [Kc(F(10, -21)), F(20, -16.5), F(36, -8), F(54, 4), F(80, 5), F(108, 4.5), Kc(F(136, 4)),
     F(110, -1), F(82, -4), F(58, -8), F(36, -13.5), F(22, -19)])
add(FRONT, "muscle", "flexor_carpi_ulnaris",
    [Kc(F(4, -22.5)), F(14, -23), F(34, -23), F(60, -20.5), F(88, -17), F(116, -13), Kc(F(136, -11.5)),
     F(112, -8.5), F(84, -10), F(58, -12.5), F(34, -15.5), F(18, -20.5)])
# hip and thigh, front
add(FRONT, "muscle", "tensor_fasciae_latae",
    [Kc((65, 425)), (75, 427), (85, 446), (91.5, 470), Kc((90.5, 508)), (83, 490), (74, 468), (67, 446)])
add(FRONT, "muscle", "sartorius",
    strap([(61, 425), (57, 455), (51, 488), (44, 520), (36, 558), (29, 596), (24, 636), (23.5, 672),
           (26.5, 706), (32, 731), (39, 747)],
          [8, 11, 12.5, 13, 13, 12.5, 12, 11, 9.5, 7, 2]))
add(FRONT, "muscle", "pectineus",
    [Kc((22, 469)), (34, 463), Kc((45, 461)), (45, 477), (42.5, 493), Kc((39.5, 506)), (35, 499), (30, 485)])
add(FRONT, "muscle", "adductor_longus",
    [Kc((13, 473)), Kc((21, 470)), (29, 485), (34, 503), (34.5, 524), (30, 550), Kc((25, 578)),
     (21, 558), (17, 530), (13, 505), (9.5, 487)])
add(FRONT, "muscle", "gracilis",
    strap([(4, 492), (7, 520), (10.5, 560), (13, 600), (15, 628), (16.5, 645)], [6, 9, 8.5, 7.5, 5, 1]))
add(FRONT, "muscle", "adductor_magnus",
    [Kc((17, 540)), (20, 562), (21.5, 586), (21, 606), Kc((19.5, 622)), (17.5, 604), (16.5, 578)])
add(FRONT, "muscle", "rectus_femoris",
    [Kc((65, 452)), (70, 470), (73, 505), (72.5, 545), (69.5, 590), (64.5, 628), (59, 655), Kc((53, 670)),
     (49, 652), (49.5, 612), (51, 572), (54, 530), (58.5, 495), (61.5, 470)])
add(FRONT, "muscle", "vastus_lateralis",
    [Kc((76, 490)), (84, 500), (90.5, 515), (92.5, 540), (91, 575), (87, 612), (81, 648), (75.5, 680),
     Kc((71, 696)), Kc((60, 686)), (62, 670), (66.5, 640), (71, 600), (74, 556), (75.5, 520)])
add(FRONT, "muscle", "vastus_medialis",
    [Kc((46, 556)), (49, 585), (49, 620), (48.5, 650), (47, 672), Kc((45, 682)), (40, 690), (33, 690),
     (29.5, 678), (30, 655), (32.5, 628), (37, 600), (42, 575)])
# lower leg, front
add(FRONT, "muscle", "tibialis_anterior",
    [Kc((51, 727)), (62, 722.5), (70.5, 729), (71, 758), (69, 795), (64, 835), (57.5, 868), (52, 892),
     Kc((45, 924)), (48, 892), (51, 858), (52, 818), (51.5, 784), (50.5, 750)])
add(FRONT, "muscle", "fibularis_longus",
    [Kc((73.5, 724)), (78.5, 748), (80, 778), (77.5, 812), (73.5, 845), (71, 870), Kc((71.5, 893)),
     (68.5, 868), (68, 832), (70.5, 792), (72, 758), (71.5, 735)])

# ======================= FRONT: deep =======================
add(FRONT, "deep", "scalenes",
    [Kc((29.5, 130)), (34, 138), (40, 154), (48, 170), Kc((56, 184)), (45, 186), (35, 184), (29, 170),
     (27, 150)])
add(FRONT, "deep", "pectoralis_minor",
    [Kc((79, 204)), (72, 220), (62, 240), (48, 260), Kc((44, 272)), (53, 277), (63, 267), (72, 248), (80, 224)])
add(FRONT, "deep", "subscapularis",
    [Kc((98, 214)), (90, 222), (83, 240), (77.5, 262), (77, 288), Kc((83, 297)), (89, 276), (93, 250), (97, 228)])
add(FRONT, "deep", "transversus_abdominis",
    [Kc((44, 328)), (58, 326), (70, 333), (74, 348), (72, 366), (58, 368), Kc((44, 368)), (43, 348)])
add(FRONT, "deep", "internal_oblique",
    [Kc((46, 374)), (58, 370), (71, 372), (75.5, 394), Kc((74, 408)), (62, 420), (50, 432), Kc((41, 440)),
     (42, 410)])
add(FRONT, "deep", "iliopsoas",
    [Kc((13, 352)), (22, 352), (29, 378), (40, 398), (54, 394), Kc((66, 402)), (61, 424), (54, 448), (49, 474),
     (46, 498), Kc((42, 514)), (37, 502), (36, 478), (33, 452), (25, 426), (16, 400), (13, 376)])
add(FRONT, "deep", "adductor_brevis",
    [Kc((14, 478)), (26, 474), (34, 490), (38, 515), Kc((36, 542)), (28, 530), (20, 505)])
add(FRONT, "deep", "vastus_intermedius",
    [Kc((66, 472)), (73, 495), (75, 545), (72, 600), (65, 640), Kc((56, 660)), (51, 640), (52, 580), (56, 525),
     (61, 492)])
add(FRONT, "deep", "flexor_digitorum_superficialis",
    [Kc(F(14, -9)), F(40, -3), F(72, 3), F(110, 5), Kc(F(134, 0)), F(112, -7), F(80, -9), F(44, -12)])
add(FRONT, "deep", "flexor_digitorum_profundus",
    [Kc(F(10, -19)), F(40, -13), F(90, -7), Kc(F(128, -5)), F(100, -13), F(60, -18.5), F(28, -21)])

# details: tendinous intersections of rectus abdominis
FRONT_DETAIL = [
    [Kc((4, 325)), (24, 324), Kc((44.5, 329)), (24, 326.5), ],
    [Kc((4, 353)), (24, 352.5), Kc((45, 357)), (24, 354.5)],
    [Kc((3.5, 380)), (24, 380), Kc((43.5, 384)), (24, 382)],
]
FRONT_DETAIL = [[Kc(p) for p in d] for d in FRONT_DETAIL]

# ======================= BACK: superficial =======================
add(BACK, "muscle", "trapezius_upper",
    [Kc((2, 106)), (12, 108), (21, 116), (26.5, 128), (29.5, 141), (34, 150), (47, 157.5), (66, 165), (84, 172),
     Kc((97, 178.5)), (82, 184), (62, 184.5), (40, 180.5), (20, 174.5), Kc((2, 171))])
add(BACK, "muscle", "trapezius_middle",
    [Kc((2, 173.5)), (20, 177), (40, 183), (62, 187), Kc((95, 182.5)), (86, 192), (70, 203), (57, 213),
     Kc((46, 223)), (28, 228), Kc((2, 231.5))])
add(BACK, "muscle", "trapezius_lower",
    [Kc((2, 234)), (26, 230.5), Kc((44, 226)), (40, 246), (31, 280), (19, 318), Kc((2, 352))])
add(BACK, "muscle", "deltoid_lateral",
    [Kc((99, 180)), (110, 184), A(8, 22), A(28, 25), A(52, 24), A(74, 21.5), Kc(A(90, 17)),
     A(72, 15), A(50, 15), A(28, 14), A(8, 11), (101, 184)])
add(BACK, "muscle", "deltoid_posterior",
    [Kc((58, 214)), (72, 203.5), (87, 193), (97, 186), A(8, 9), A(28, 12), A(50, 13), A(72, 13.5), Kc(A(90, 15)),
     A(74, 5), A(56, -6), A(38, -15), (77, 228)])
add(BACK, "muscle", "infraspinatus",
    [Kc((47, 229)), (60, 218), (76, 231), (90, 244), Kc(A(56, -10)), (86, 264), (72, 276), (58, 288),
     Kc((48, 295)), (44, 268), (44, 246)])
add(BACK, "muscle", "teres_major",
    [Kc((48, 300)), (58, 291.5), (72, 280.5), (84, 270), Kc(A(62, -21)), (88, 283), (76, 299),
     (62, 311), Kc((50, 313))])
add(BACK, "muscle", "latissimus_dorsi",
    [Kc((24, 302)), (38, 310), (50, 316.5), (64, 315), (78, 302), Kc((90, 288)), (86, 302), (83, 326),
     (77, 348), (72, 370), (73.5, 392), Kc((76, 403)), (62, 407), (46, 409), Kc((36, 411)), (33, 384),
     (29, 350), (25, 322)])
add(BACK, "muscle", "erector_spinae",
    [Kc((4, 357)), (12, 343), Kc((21.5, 324)), (27, 350), (31, 384), (33, 412), Kc((28, 432)),
     (18, 438), Kc((7, 442)), (4, 410)])
add(BACK, "muscle", "gluteus_medius",
    [Kc((34, 417)), (54, 411), (70, 408), (77, 410), (82, 424), (87, 442), Kc((91, 470)), (82, 465),
     (67, 449), (51, 435), (38, 428)])
add(BACK, "muscle", "gluteus_maximus",
    [Kc((12, 444)), (22, 435), (36, 431.5), (52, 439), (68, 453), (82, 468.5), (92, 484), (94, 505),
     Kc((93, 530)), (82, 540), (62, 548), (42, 549), (24, 543), (11, 532), Kc((5, 516)), (4.5, 490), (7, 462)])
# arm, back
add(BACK, "muscle", "triceps_brachii_long_head",
    [Kc(A(58, -11)), A(72, -22), A(90, -24), A(112, -24), A(136, -23), A(152, -20), A(160, -14),
     Kc(A(164, -6)), A(150, -4), A(128, -2.5), A(104, -2.5), A(80, -5)])
add(BACK, "muscle", "triceps_brachii_lateral_head",
    [Kc(A(72, 4)), A(86, 12), A(96, 20), A(116, 21), A(132, 19), A(144, 14), Kc(A(152, 7)), A(140, 1),
     A(120, -0.5), A(98, 0), A(82, 1)])
add(BACK, "muscle", "extensor_carpi_radialis_longus",
    [Kc(A(138, 20)), A(150, 20), A(160, 19.5), F(10, 22.5), F(32, 25), F(56, 22), F(80, 18), F(104, 15),
     F(122, 13.5), Kc(F(138, 12)), F(120, 10.5), F(98, 11.5), F(72, 14), F(46, 16), F(22, 16.5), F(4, 15),
     A(156, 15)])
add(BACK, "muscle", "extensor_carpi_radialis_brevis",
    [Kc(F(2, 13.5)), F(22, 15.5), F(46, 15), F(72, 13), F(98, 10.5), Kc(F(134, 6)), F(100, 4.5), F(72, 5.5),
     F(44, 7), F(18, 8.5)])
add(BACK, "muscle", "extensor_digitorum",
    [Kc(F(2, 11)), F(18, 7.5), F(44, 6), F(72, 4.5), F(100, 3.5), Kc(F(136, -1)), F(110, -4), F(80, -5.5),
     F(50, -5.5), F(26, -2.5), F(10, 3)])
add(BACK, "muscle", "extensor_carpi_ulnaris",
    [Kc(F(6, 6)), F(24, -3.5), F(50, -7), F(80, -7), F(110, -5.5), Kc(F(136, -9)), F(112, -11.5),
     F(82, -14), F(54, -16.5), F(30, -15), F(14, -8)])
# thigh, back
add(BACK, "muscle", "gracilis",
    strap([(5, 520), (8.5, 550), (11.5, 585), (14.5, 620), (17.5, 650), (21, 680), (24, 700)],
          [3, 6.5, 7, 6.5, 6, 5, 1.5]))
add(BACK, "muscle", "adductor_magnus",
    [Kc((12, 540)), (20, 544), Kc((30, 546)), (29, 566), (26.5, 592), Kc((22, 622)), (18.5, 606), (15.5, 580)])
add(BACK, "muscle", "semitendinosus",
    [Kc((31, 547)), (44, 551), (46, 572), (45, 600), (42, 630), (38.5, 660), (35.5, 688), Kc((32, 708)),
     (31, 684), (31.5, 652), (30, 620), (29.5, 590), (31, 565)])
add(BACK, "muscle", "semimembranosus",
    [Kc((26, 612)), (28.5, 628), (30.5, 652), (30.5, 684), Kc((29.5, 712)), (26.5, 697), (24, 672), (22, 645),
     (22.5, 626)])
add(BACK, "muscle", "biceps_femoris_long_head",
    [Kc((47, 552)), (60, 551), Kc((72, 546.5)), (72, 572), (72, 605), (71, 640), (69.5, 672), Kc((72, 712)),
     (64, 694), (56, 668), (50, 640), (47.5, 605), (47.5, 575)])
add(BACK, "muscle", "vastus_lateralis",
    [Kc((75, 547)), (85, 541.5), (92.5, 548), (91, 578), (87, 612), (81, 648), (76, 676), Kc((73.5, 694)),
     (72, 670), (74, 640), (75, 605), (74.5, 570)])
# lower leg, back
add(BACK, "muscle", "gastrocnemius_medial_head",
    [Kc((40, 694)), (30, 702), (21, 720), (15, 746), (14, 774), (17.5, 800), (25, 820), Kc((37, 842)),
     (44, 828), (47, 802), (47.5, 770), (46.5, 738), (44, 712)])
add(BACK, "muscle", "gastrocnemius_lateral_head",
    [Kc((56, 697)), (64, 702), (69.5, 716), (74, 735), (75.5, 752), (75.5, 774), (72, 796), Kc((62, 814)), (54, 806),
     (50, 784), (49.5, 752), (51, 722)])
add(BACK, "muscle", "soleus",
    [Kc((75.5, 786)), (74, 812), (70, 840), (63, 862), (53, 871), (43, 869), (33, 858), (24, 838),
     Kc((18, 815)), (27, 830), Kc((38, 846)), (46, 834), (53, 822), Kc((62, 818)), (71, 806)])
add(BACK, "muscle", "fibularis_longus",
    [Kc((75, 723)), (78.5, 746), (80, 776), (78, 812), (73.5, 846), (70.5, 870), Kc((70, 890)),
     (68.5, 868), (72, 842), (76, 810), (77.5, 780), (77.5, 752)])

# ======================= BACK: deep =======================
add(BACK, "deep", "splenius_capitis",
    [Kc((3, 150)), (12, 130), (24, 113), Kc((37, 106)), (34, 118), (25, 138), (14, 168), Kc((3, 204))])
add(BACK, "deep", "levator_scapulae",
    [Kc((17, 118)), (25, 121), (31, 145), (38, 176), Kc((46, 212)), (39, 212), (30, 180), (21, 148)])
add(BACK, "deep", "supraspinatus",
    [Kc((45, 219)), (52, 205), (66, 193), (82, 185.5), Kc((101, 184)), (86, 190.5), (70, 201), (56, 211)])
add(BACK, "deep", "rhomboids",
    [Kc((4, 180)), (24, 198), Kc((43, 218)), (44, 250), Kc((47, 298)), (28, 282), Kc((4, 262)), (3.5, 220)])
add(BACK, "deep", "teres_minor",
    [Kc((55, 291)), (68, 280), (82, 267), Kc(A(54, -8)), A(64, -9), (86, 274), (72, 287), Kc((60, 296))])
add(BACK, "deep", "multifidus",
    [Kc((3, 200)), (8, 206), (10, 300), (12, 380), (16, 428), Kc((14, 462)), (6, 468), (3, 430), (3, 300)])
add(BACK, "deep", "quadratus_lumborum",
    [Kc((16, 352)), (36, 348), Kc((50, 346)), (56, 372), Kc((60, 402)), (40, 406), Kc((18, 404)), (15, 378)])
add(BACK, "deep", "gluteus_minimus",
    [Kc((44, 418)), (60, 410), (76, 410), (85, 430), Kc((90, 462)), (72, 450), (56, 436)])
add(BACK, "deep", "piriformis",
    [Kc((9, 442)), (22, 441), (46, 452), (70, 460), Kc((88, 470)), (66, 471), (42, 469), (20, 471), Kc((9, 468))])
add(BACK, "deep", "biceps_femoris_short_head",
    [Kc((62, 600)), (70, 612), (72, 660), Kc((69, 716)), (62, 700), (58, 650)])
add(BACK, "deep", "triceps_brachii_medial_head",
    [Kc(A(112, -14)), A(132, -19), A(154, -16), Kc(A(166, -4)), A(156, 10), A(134, 15), Kc(A(114, 10)), A(122, -2)])
add(BACK, "deep", "supinator",
    [Kc(F(2, 17)), F(16, 14.5), F(34, 8), Kc(F(46, 2)), F(30, 0), F(14, 4), Kc(F(2, 9))])


# ---------------------------------------------------------------- output
def tf_for(view, side):
    cx = 250.0 if view == "front" else 750.0
    # front: body's left is on the viewer's right; back: body's left on the viewer's left
    sign = 1.0 if (view == "front") == (side == "left") else -1.0
    return lambda p: (cx + sign * p[0], p[1])


def render():
    lines = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000">']
    for view, shapes, details in (("front", FRONT, FRONT_DETAIL), ("back", BACK, [])):
        lines.append(f'<g id="{view}">')
        cx = 250.0 if view == "front" else 750.0
        od = path_d([outline_full()], lambda p, cx=cx: (cx + p[0], p[1]))
        lines.append(f'<path class="outline" d="{od}"/>')
        for cls in ("muscle", "deep"):
            for (c, m, subs) in shapes:
                if c != cls:
                    continue
                for side in ("left", "right"):
                    d = path_d(subs, tf_for(view, side))
                    lines.append(f'<path class="{cls}" data-muscle="{m}" data-side="{side}" d="{d}"/>')
            if cls == "muscle":
                for det in details:
                    for side in ("left", "right"):
                        d = path_d([det], tf_for(view, side))
                        lines.append(f'<path class="detail" d="{d}"/>')
        lines.append("</g>")
    lines.append("</svg>")
    open(OUT, "w", encoding="utf-8").write("\n".join(lines) + "\n")


render()
