# serverless-wifi-billing: polling client for a MikroTik hotspot behind NAT (contracts/gateways.md §6).
#
# The router cannot receive CoA on UDP 3799, so it asks the API every 30 s what changed:
#   GET  /api/gateway/sessions?cursor=…   allow / update / drop items, and the next cursor
#   POST /api/gateway/usage               the /ip hotspot active counters; answers the usernames to remove
#   POST /api/gateway/heartbeat           every 5 minutes; the dashboard flags a gateway silent for 5 minutes
# Every call carries X-Gateway-Key: <gatewayId>.<secret> (shown once when the gateway is created or rotated).
# One run makes at most 3 back-to-back calls; the API's bucket allows 5, refilled 1 a second.
#
# Install: replace API_BASE, GATEWAY_KEY and LOCAL_USERS below, then  /import file-name=wb-poll.rsc
# Needs RouterOS >= 7.13 for :deserialize (which version first has it is unverified, contracts/gateways.md §9),
# and the API's certificate trusted by the router (/certificate import; check-certificate=yes below).
# Not yet run on real equipment: check it in the lab (contracts/gateways.md §9) before production.
#
# LOCAL_USERS: "yes" for gateways with pollLogin local-user (the router creates /ip hotspot users from allow
# items); "no" for pollLogin radius (logins go to RADIUS; a local user of the same name would win over RADIUS,
# contracts/gateways.md §5.1, so none is created).

/system script remove [find where name~"^wb-"]
/system scheduler remove [find where name~"^wb-"]

/system script add name=wb-config policy=read,write,test source={
    :global wbApi "API_BASE"
    :global wbKey "GATEWAY_KEY"
    :global wbLocalUsers "LOCAL_USERS"
}

/system script add name=wb-poll policy=read,write,test source={
    :global wbApi; :global wbKey; :global wbLocalUsers
    # The cursor lives only in memory: after a reboot the first poll asks for the full list again.
    :global wbCursor
    :global wbRuns
    :if ([:typeof $wbRuns] != "num") do={ :set wbRuns 0 }
    :set wbRuns ($wbRuns + 1)

    # A full list at boot and every 20 runs (10 minutes): it repairs anything a lost item left behind.
    :local full (([:len $wbCursor] = 0) or (($wbRuns % 20) = 0))
    :local url ($wbApi . "/api/gateway/sessions?limit=100")
    :if (!$full) do={ :set url ($url . "&cursor=" . $wbCursor) }

    :local answer
    :do {
        :set answer [/tool fetch url=$url http-header-field=("X-Gateway-Key: " . $wbKey) check-certificate=yes output=user as-value]
    } on-error={ :log warning "wb-poll: sessions request failed"; :error "wb-poll: no answer" }
    :local body [:deserialize from=json value=($answer->"data")]
    :local listed [:toarray ""]

    :foreach item in=($body->"items") do={
        :local action ($item->"action")
        :local user ($item->"username")
        :local rate ($item->"rateLimit")
        :local profile ("wb-" . ($item->"uploadKbps") . "k-" . ($item->"downloadKbps") . "k")
        :set listed ($listed, $user)

        :if ($action = "allow" and $wbLocalUsers = "yes") do={
            :if ([:len [/ip hotspot user profile find where name=$profile]] = 0) do={
                /ip hotspot user profile add name=$profile rate-limit=$rate
            }
            # No limit-uptime: it counts connected time, not clock time. Expiry comes as a drop.
            :if ([:len [/ip hotspot user find where name=$user]] = 0) do={
                /ip hotspot user add name=$user password=($item->"password") profile=$profile mac-address=($item->"mac") comment="wb"
            } else={
                /ip hotspot user set [find where name=$user] profile=$profile
            }
        }

        :if ($action = "update") do={
            :local changed true
            :if ($wbLocalUsers = "yes") do={
                :if ([:len [/ip hotspot user profile find where name=$profile]] = 0) do={
                    /ip hotspot user profile add name=$profile rate-limit=$rate
                }
                :local old [/ip hotspot user get [find where name=$user] profile]
                :set changed ($old != $profile)
                /ip hotspot user set [find where name=$user] profile=$profile
            }
            # A new rate applies at the next login: end the active one, the device logs straight back in.
            # Without local users we cannot tell a rate change from added time, so the login is always renewed.
            :if ($changed) do={ /ip hotspot active remove [find where user=$user] }
        }

        :if ($action = "drop") do={
            /ip hotspot active remove [find where user=$user]
            /ip hotspot cookie remove [find where user=$user]
            :if ($wbLocalUsers = "yes") do={ /ip hotspot user remove [find where name=$user and comment="wb"] }
        }
    }

    # A full list names every session that may be online: remove our local users it does not name.
    :if ($full and $wbLocalUsers = "yes") do={
        :foreach id in=[/ip hotspot user find where comment="wb"] do={
            :local name [/ip hotspot user get $id name]
            :if ([:len [:find $listed $name]] = 0) do={ /ip hotspot user remove $id }
        }
    }

    # Saved only now: every item above was applied, so a failed run repeats them next time.
    :set wbCursor ($body->"nextCursor")

    # Usage: cumulative counters of each active login. bytes-in is what the device sent (direction unverified).
    :local items ""
    :foreach id in=[/ip hotspot active find] do={
        :local a [/ip hotspot active get $id]
        :if ([:len $items] > 0) do={ :set items ($items . ",") }
        :set items ($items . "{\"username\":\"" . ($a->"user") . "\",\"mac\":\"" . ($a->"mac-address") . "\",\"ip\":\"" . ($a->"address") . "\",\"bytesIn\":" . ($a->"bytes-in") . ",\"bytesOut\":" . ($a->"bytes-out") . "}")
    }
    :do {
        :local sent [/tool fetch url=($wbApi . "/api/gateway/usage") http-method=post check-certificate=yes output=user as-value \
            http-header-field=("X-Gateway-Key: " . $wbKey . ",Content-Type: application/json") http-data=("{\"items\":[" . $items . "]}")]
        :local usage [:deserialize from=json value=($sent->"data")]
        # Usernames the API does not know (ended, moved, another gateway's): take them off the router.
        :foreach user in=($usage->"unknown") do={
            /ip hotspot active remove [find where user=$user]
            :if ($wbLocalUsers = "yes") do={ /ip hotspot user remove [find where name=$user and comment="wb"] }
        }
    } on-error={ :log warning "wb-poll: usage report failed" }
}

/system script add name=wb-heartbeat policy=read,write,test source={
    :global wbApi; :global wbKey; :global wbCursor
    :local body ("{\"routerOsVersion\":\"" . [/system resource get version] . "\",\"identity\":\"" . [/system identity get name] \
        . "\",\"activeSessions\":" . [:len [/ip hotspot active find]] . ",\"cursor\":\"" . $wbCursor . "\"}")
    :do {
        /tool fetch url=($wbApi . "/api/gateway/heartbeat") http-method=post check-certificate=yes output=none \
            http-header-field=("X-Gateway-Key: " . $wbKey . ",Content-Type: application/json") http-data=$body
    } on-error={ :log warning "wb-heartbeat: failed" }
}

/system scheduler add name=wb-config start-time=startup on-event="/system script run wb-config"
/system scheduler add name=wb-poll interval=30s on-event="/system script run wb-poll"
/system scheduler add name=wb-heartbeat interval=5m on-event="/system script run wb-heartbeat"
/system script run wb-config
