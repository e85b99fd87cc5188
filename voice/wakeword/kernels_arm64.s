#include "textflag.h"

// func dot4NEON(x, w0, w1, w2, w3 *float32, n int, out *[16]float32)
// n is a multiple of 4: one 4-lane accumulator per row, one FMLA per row
// per 4 floats of x.
TEXT ·dot4NEON(SB), NOSPLIT, $0-56
	MOVD x+0(FP), R0
	MOVD w0+8(FP), R1
	MOVD w1+16(FP), R2
	MOVD w2+24(FP), R3
	MOVD w3+32(FP), R4
	MOVD n+40(FP), R5
	MOVD out+48(FP), R6
	VEOR V0.B16, V0.B16, V0.B16
	VEOR V1.B16, V1.B16, V1.B16
	VEOR V2.B16, V2.B16, V2.B16
	VEOR V3.B16, V3.B16, V3.B16
	LSR $2, R5, R5

loop:
	CBZ R5, done
	VLD1.P 16(R0), [V4.S4]
	VLD1.P 16(R1), [V5.S4]
	VLD1.P 16(R2), [V6.S4]
	VLD1.P 16(R3), [V7.S4]
	VLD1.P 16(R4), [V8.S4]
	VFMLA V4.S4, V5.S4, V0.S4
	VFMLA V4.S4, V6.S4, V1.S4
	VFMLA V4.S4, V7.S4, V2.S4
	VFMLA V4.S4, V8.S4, V3.S4
	SUB $1, R5, R5
	B loop

done:
	VST1 [V0.S4, V1.S4, V2.S4, V3.S4], (R6)
	RET
