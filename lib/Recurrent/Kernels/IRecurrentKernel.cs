// The replaceable inner loop: anything that can run a DirectionJob can back the public modules.
namespace Recurrent.Kernels;

internal interface IRecurrentKernel
{
    void Run(DirectionJob job);
}
