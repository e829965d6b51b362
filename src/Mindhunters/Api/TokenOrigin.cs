
namespace Mindhunters.Api
{
    internal enum TokenOrigin
    {
        ConnectMhAccount,
        Environment,
    }
}
