using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Workbench.Abstractions.Security;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Security;

public sealed class CurrentActor(IHttpContextAccessor http, ActorContext actor) : ICurrentActor
{
    public string Name
    {
        get
        {
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated == true)
                return user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "user";
            return actor.Name ?? "anonymous";
        }
    }
}
