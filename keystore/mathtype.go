package keystore

import "github.com/ethereum/go-ethereum/common/math"

type mathHexOrDecimal256 = math.HexOrDecimal256
