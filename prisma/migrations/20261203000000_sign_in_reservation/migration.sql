-- Sign-in throttling that holds under concurrency (issue 13, item 1): one call counts the window for a
-- username and for an address and, when both are below the limit, records the attempt — under
-- transaction-scoped advisory locks on the username (namespace 1) and the address (namespace 2), always
-- in that order. It is one round trip: in a VOLATILE function every statement takes a fresh snapshot,
-- so the counts see every attempt committed by whoever held the locks before, and the locks are held
-- only for the server-side moment the two statements take (not while the app waits on the network).
-- Returns the new SignInFailure id, or NULL when the attempt is throttled.
CREATE FUNCTION reserve_sign_in_attempt(p_username TEXT, p_ip TEXT, p_limit INTEGER, p_window_seconds DOUBLE PRECISION)
RETURNS BIGINT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  by_username INTEGER;
  by_ip INTEGER;
  reserved BIGINT;
BEGIN
  PERFORM pg_advisory_xact_lock(1, hashtext(p_username));
  PERFORM pg_advisory_xact_lock(2, hashtext(p_ip));
  SELECT count(*) FILTER (WHERE username = p_username), count(*) FILTER (WHERE ip = p_ip)
    INTO by_username, by_ip
    FROM "SignInFailure"
    WHERE (username = p_username OR ip = p_ip) AND "createdAt" >= now() - make_interval(secs => p_window_seconds);
  IF by_username >= p_limit OR by_ip >= p_limit THEN
    RETURN NULL;
  END IF;
  INSERT INTO "SignInFailure" (username, ip) VALUES (p_username, p_ip) RETURNING id INTO reserved;
  RETURN reserved;
END;
$$;
