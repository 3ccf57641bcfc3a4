namespace IdeogramJobs.Database.Secrets;

/// <summary>A stored secret cannot be encrypted or read with the configured master keys; the message names the variable, never a value.</summary>
public sealed class SecretUnavailableException(string message) : Exception(message);
