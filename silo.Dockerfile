# syntax=docker/dockerfile:1
# One image for both programs: the silo (src/OrleansTwitter.Silo) and the web front end
# (src/OrleansTwitter.Web). The first argument picks one: `docker run IMAGE silo [--Key=value ...]`
# or `docker run IMAGE web [...]`; configure it with Section__Key environment variables (the
# operator contract, docs/operations.md), as k8s/ does.
# Build from the repository's root: docker build -f silo.Dockerfile -t orleanstwitter .

ARG DOTNET_VERSION=10.0

# ---- build: the SDK image restores and publishes both programs, each into its own folder
# (each ships its own appsettings.json beside its binary, its content root).
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
WORKDIR /source
# The project files first, so that restore stays cached while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/OrleansTwitter.Contracts/OrleansTwitter.Contracts.csproj src/OrleansTwitter.Contracts/
COPY src/OrleansTwitter.Grains/OrleansTwitter.Grains.csproj src/OrleansTwitter.Grains/
COPY src/OrleansTwitter.Hosting/OrleansTwitter.Hosting.csproj src/OrleansTwitter.Hosting/
COPY src/OrleansTwitter.Silo/OrleansTwitter.Silo.csproj src/OrleansTwitter.Silo/
COPY src/OrleansTwitter.Web/OrleansTwitter.Web.csproj src/OrleansTwitter.Web/
RUN dotnet restore src/OrleansTwitter.Silo/OrleansTwitter.Silo.csproj \
 && dotnet restore src/OrleansTwitter.Web/OrleansTwitter.Web.csproj
COPY src/ src/
RUN dotnet publish src/OrleansTwitter.Silo/OrleansTwitter.Silo.csproj -c Release --no-restore -o /app/silo \
 && dotnet publish src/OrleansTwitter.Web/OrleansTwitter.Web.csproj -c Release --no-restore -o /app/web

# ---- runtime: the ASP.NET Core runtime image, no SDK.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble AS runtime
WORKDIR /app
COPY --from=build /app/silo ./silo/
COPY --from=build /app/web ./web/
COPY --chmod=0755 docker/entrypoint.sh ./entrypoint.sh

# The base image's ASPNETCORE_HTTP_PORTS=8080 is cleared: the silo binds Silo:Host:Silo:HttpPort
# itself, and the web front end listens where ASPNETCORE_URLS (or --urls) says, on every
# interface of the container instead of the contract's http://localhost:5000.
ENV ASPNETCORE_HTTP_PORTS= \
    ASPNETCORE_URLS=http://+:5000 \
    DOTNET_ENVIRONMENT=Production \
    ASPNETCORE_ENVIRONMENT=Production

# The operator contract's ports: silo-to-silo (Silo:Port), gateway for clients
# (Silo:GatewayPort), the silo's health/metrics/dashboard (Silo:HttpPort), the web front end.
EXPOSE 11111 30000 8080 5000

# The base image's non-root user ($APP_UID, 1654, "app"). Numeric, so that Kubernetes'
# runAsNonRoot can check it. File storage (Storage:Path, ./data) needs a writable volume.
USER 1654

# The runtime image has no curl or wget. The entrypoint's `health` mode asks the role's
# /health/live with bash's /dev/tcp, so the check costs a shell, not a second .NET process.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["/app/entrypoint.sh", "health"]

ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["silo"]
