namespace CheckinBot.Teams.Bot;

/// <summary>One line of <see cref="ChatRoutes"/>: the handler, and whether only HR admins may reach it.</summary>
public sealed record ChatRoute<TRequest>(Func<TRequest, CancellationToken, Task> Handler, bool HrOnly);
