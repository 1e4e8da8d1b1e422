// Compile-time row counts for the micro-kernel: each struct instantiates a tile of 1 to 8 rows with no runtime branching.
namespace Recurrent.Kernels;

internal interface IRowCount
{
    static abstract int Count { get; }
}

internal readonly struct R1 : IRowCount { public static int Count => 1; }

internal readonly struct R2 : IRowCount { public static int Count => 2; }

internal readonly struct R3 : IRowCount { public static int Count => 3; }

internal readonly struct R4 : IRowCount { public static int Count => 4; }

internal readonly struct R5 : IRowCount { public static int Count => 5; }

internal readonly struct R6 : IRowCount { public static int Count => 6; }

internal readonly struct R7 : IRowCount { public static int Count => 7; }

internal readonly struct R8 : IRowCount { public static int Count => 8; }
