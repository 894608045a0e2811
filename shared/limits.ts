// Every limit and default in one place, each with the reason it has that value.
export const LIMITS = {
  /** Peer groups are capped at 12 member companies: more and every member can't be heard in a day. */
  maxCompaniesPerGroup: 12,
  /** Shortest agenda item: one minute, anything shorter is a slip of the keyboard. */
  agendaItemMinMs: 60_000,
  /** Longest agenda item: 8 hours, a full meeting day. */
  agendaItemMaxMs: 8 * 60 * 60_000,
  /** An agenda with more items than this no longer fits a meeting day or the projector. */
  agendaMaxItems: 40,
  /** Titles must fit one line on the projector at 1280x720. */
  agendaTitleMax: 120,
  /** Re-balancing never cuts a box below 5 minutes: less is not a discussion, just a name read out. */
  rebalanceMinMs: 5 * 60_000,
  /** "Take from the next item" moves 10 minutes by default: enough to finish a thought. */
  borrowDefaultMs: 10 * 60_000,
  /** Most days one meeting may have: quarterly meetings run one to three days. */
  meetingDaysMax: 5,
  /** One extension is at most an hour; press again for more. */
  timerExtendMaxMs: 60 * 60_000,
  /** Invites expire after a week by default so stale links can't be used to join. */
  inviteTtlMs: 7 * 24 * 60 * 60_000,
  /** Longest invite lifetime an organiser may choose. */
  inviteMaxTtlMs: 30 * 24 * 60 * 60_000,
  /** Sessions last 30 days: members log in once a quarter and expect to stay signed in. */
  sessionTtlMs: 30 * 24 * 60 * 60_000,
  /** JSON bodies larger than this are refused; nothing we accept is anywhere near it. */
  httpBodyMaxBytes: 256 * 1024,
  /** Socket.io payloads larger than this disconnect the client (socket.io maxHttpBufferSize). */
  socketPayloadMaxBytes: 64 * 1024,
  /** Minimum password length; with scrypt, length matters more than composition rules. */
  passwordMinLength: 10,
  /** Password-reset requests per email+IP per window (in memory) before we answer 429. */
  loginAttemptsPerWindow: 10,
  loginWindowMs: 15 * 60_000,
  /** Failed sign-ins on one account, from any address, before each further try must wait. */
  loginFreeFailuresPerAccount: 5,
  /** Failed sign-ins from one address, on any account, before waits start: higher, since a venue's Wi-Fi is shared. */
  loginFreeFailuresPerAddress: 20,
  /** The first wait after the free failures; each further failure doubles it. */
  loginFirstDelayMs: 1_000,
  /** The longest wait: never a lockout, the right password gets through after at most this. */
  loginMaxDelayMs: 15 * 60_000,
  /** A counter is forgotten this long after its last failure (longer than the longest wait). */
  loginFailureMemoryMs: 60 * 60_000,
  /** A session's "last seen" is written at most this often: one write per request would be waste. */
  sessionTouchIntervalMs: 5 * 60_000,
  /** Meeting commands per socket per second; a held-down key must not flood the room. */
  commandsPerSecond: 20,
  /** Names and companies: enough for real names, short enough for the projector. */
  nameMax: 100,
  emailMax: 254,
  groupNameMax: 100,
  tagMax: 40,
  tagsMax: 10,
  /** Network benchmarks show a figure only when at least this many companies reported (k-anonymity). */
  benchmarkMinCompanies: 5,
  /** A CSV import larger than this is refused: a year of 20 KPIs is a few hundred rows. */
  csvMaxRows: 2_000,
  csvMaxBytes: 256 * 1024,
  /** Most goals a member may hold for one quarter, carried ones included. */
  goalsPerMemberMax: 12,
  goalTextMax: 300,
  /** Hot-seat topics: one line on the projector. */
  topicTitleMax: 200,
  /** Hot-seat protocol stages: a protocol with more steps than this is a workshop, not a hot seat. */
  protocolStagesMax: 8,
  /** Stage names and rules: one line on the wall at 720p. */
  stageNameMax: 60,
  stageRuleMax: 160,
  /** Stage shares may miss 100 % by this much (0.5 %): a form's rounding, not a mistake. */
  protocolShareTolerance: 0.005,
  /** Presenters in one hot-seat item: each gets their own turn, so more would leave minutes each. */
  presentersPerSeatMax: 4,
  /** An advice round's time box per speaker: under 30 s nobody finishes a thought; 15 min is a speech. */
  adviceTurnMinMs: 30_000,
  adviceTurnMaxMs: 15 * 60_000,
  /** Speakers in one round: a group is capped at 12 companies, plus coaches and a second person. */
  adviceRoundMaxSpeakers: 30,
  /** Proposals per meeting: more than a day's hot seats could ever take. */
  topicsMax: 30,
  /** Each part of a group's norms: a few paragraphs, read on screen and on the wall. */
  normsTextMax: 2_000,
  /** The spread of meeting ratings shows from this many raters up: with two, each could tell the other's score. */
  ratingDistributionMinRaters: 3,
  /** Custom KPIs a group may add beside the defaults. */
  customKpisMax: 20,
  /** Shared files: a procedure, a form or a slide deck fits; videos belong elsewhere (stored in the DB). */
  resourceFileMaxBytes: 2 * 1024 * 1024,
  /** JSON body of an upload: the file as base64 (4/3 of its size) plus a little JSON around it. */
  resourceUploadBodyMaxBytes: 3 * 1024 * 1024,
  /** Resources one meeting may collect: a day of topics never shares more; caps database growth. */
  resourcesPerMeetingMax: 100,
  /** Titles: one line in the library list. */
  resourceTitleMax: 200,
  /** A parking-lot item: one line on the list, with a short paragraph of detail. */
  parkingTitleMax: 200,
  parkingDetailMax: 2_000,
  /** Open items a group's parking lot shows at most; a longer list is a backlog nobody reads. */
  parkingOpenMax: 200,
  /** Pre-meeting update prompts a group may keep: one screen of questions, read in a few minutes. */
  updatePromptsMax: 8,
  /** A prompt is a question on one line. */
  updatePromptMax: 120,
  /** One answer of a pre-meeting update: a short paragraph the room reads at the check-in. */
  updateAnswerMax: 1_000,
  /** Links: longer than any real document URL, short enough to show. */
  resourceUrlMax: 2_000,
  /** File names: what common file systems allow. */
  resourceFileNameMax: 255,
  /** A network event (super week) spans at most a working week plus its weekend. */
  eventDaysMax: 7,
  /** Groups in one event: the largest network we know held 24 groups. */
  eventGroupsMax: 30,
  /** Network library summaries: a paragraph saying what the resource is and why it works. */
  librarySummaryMax: 1_000,
  /** Tags on a library entry, each at most tagMax characters. */
  libraryTagsMax: 8,
  /** Competition titles ("Best practice of 2026"). */
  competitionTitleMax: 120,
  /** A competition runs at most a year: a vote, not a standing poll. */
  competitionMaxMs: 366 * 24 * 60 * 60 * 1000,
} as const;

/**
 * Protocol version of the socket.io meeting channel; clients send it on connect.
 * 2: commands are broadcast as `meeting:applied` deltas, full state on `meeting:sync`.
 */
export const PROTOCOL_VERSION = 2;
