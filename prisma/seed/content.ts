// Demo content for Longhand: an invented blog by an invented librarian.
// All names, places, books and prose here are fictional and written for this project.

/** "reader1" is the reader account Annie Johnson, "reader2" is Tom Okafor; guests are imported-style comments. */
export type DemoAuthor = "reader1" | "reader2" | { guest: { name: string; url?: string } };

export interface DemoComment {
  by: DemoAuthor;
  /** ISO 8601 with offset, after the post's publishedAt */
  postedAt: string;
  bodyHtml: string;
  /** index into the same post's comments array of the comment this replies to */
  replyTo?: number;
}

export interface DemoPost {
  title: string;
  slug: string;
  /** ISO 8601 with the London offset of that date, e.g. "2011-09-08T09:41:00+01:00" */
  publishedAt: string;
  labels: string[];
  excerpt?: string;
  bodyHtml: string;
  comments: DemoComment[];
}

export interface DemoPage {
  title: string;
  slug: string;
  bodyHtml: string;
}

export const demoBlog = {
  title: "Notes from the Reading Room",
  description:
    "A small-town public librarian on books, the allotment, the odd walk and ten online tools she was asked to try.",
  timeZone: "Europe/London",
} as const;

export const demoPosts: DemoPost[] = [
  // ---------------------------------------------------------------- 2010
  {
    title: "Tool 1: In which the librarian starts a blog",
    slug: "tool-1-in-which-the-librarian-starts-a-blog",
    publishedAt: "2010-02-11T20:15:00+00:00",
    labels: ["Tools", "Library life"],
    bodyHtml: `<p>Good evening, or whatever time of day it is where you are. My name is Maggie Ellery, and for the past eleven years I have worked at Wendlesford Library, a red-brick building with a leaking skylight, a temperamental photocopier and the best radiators in town. Last week our area manager sent round an email announcing the <strong>Ten Tools</strong> programme: ten bits of online whatnot that every member of staff is encouraged to try, at our own pace, writing about each one as we go.</p>
<p>Tool 1 is this: start a blog. So here I am at the kitchen table, with a mug of tea going cold and the cat lying across the printed instructions. I called it <em>Notes from the Reading Room</em> because the reading room is the part of the building I love best, even if these days it is mostly used by people charging their phones and one gentleman who does the crossword in pen and sighs at it.</p>
<p>I have no real idea what I will write about. The programme, certainly. Books, inevitably. Probably my allotment, which at this time of year is mostly mud and good intentions. If anyone other than my colleagues ever reads this: hello, and please forgive the typing.</p>`,
    comments: [
      {
        by: "reader2",
        postedAt: "2010-02-11T21:02:00+00:00",
        bodyHtml: `<p>Welcome to the wider world, Maggie! I can confirm the radiators. I thawed out beside the one under the local history shelf every Saturday in January.</p>`,
      },
      {
        by: "reader1",
        postedAt: "2010-02-12T07:48:00+00:00",
        bodyHtml: `<p>Hello from the other side of the county. I am on Tool 1 as well and have spent two evenings choosing a colour scheme, which I suspect is not the point.</p>
<p>Looking forward to the allotment posts most of all.</p>`,
      },
      {
        by: "reader2",
        postedAt: "2010-02-12T12:30:00+00:00",
        bodyHtml: `<p>Annie, two evenings on a colour scheme is exactly the point. Nobody reads a blog that is the wrong shade of green.</p>`,
        replyTo: 1,
      },
    ],
  },
  {
    title: "Tool 2: Feeds, and the end of refreshing",
    slug: "tool-2-feeds-and-the-end-of-refreshing",
    publishedAt: "2010-02-25T19:40:00+00:00",
    labels: ["Tools"],
    excerpt:
      "Tool 2 is a feed reader, which turns out to be a kind of patient butler who fetches the news for you. I have subscribed to far too much already.",
    bodyHtml: `<p>Tool 2 is a feed reader. The instructions describe it as "a single place to follow the websites you care about", which made it sound like a filing cabinet. In practice it is more like a patient butler: instead of me trudging round the same dozen websites every lunchtime to see whether anything has changed, the reader goes and fetches anything new and lays it out in a neat pile.</p>
<p>I have been refreshing the county library news page by hand twice a day for about three years. I am not proud of this.</p>
<h2>What I have subscribed to so far</h2>
<ul>
<li>The <a href="https://example.org/county-libraries/news">county libraries news page</a>, of course, so I can stop refreshing it.</li>
<li>A <a href="https://example.org/plots/weekly">gardening column</a> that tells me, every Friday, which jobs I have already left too late.</li>
<li>Three other staff blogs from the programme, including one whose author appears to be writing entirely about her dog. I approve.</li>
<li>A book review site that I will probably unsubscribe from, because it makes my list of things to read grow faster than I can read them.</li>
</ul>
<p>The one danger, as far as I can see, is that the little number in brackets beside each feed becomes a sort of reproach. Forty-three unread items by Thursday. I have learned that you are allowed to press "mark all as read" and simply walk away, and I found this more freeing than anything else I have done this month.</p>`,
    comments: [
      {
        by: { guest: { name: "Bernard", url: "https://example.com/bernard" } },
        postedAt: "2010-02-26T10:14:00+00:00",
        bodyHtml: `<p>"Mark all as read" is the most honest button on the internet. I press it every Monday morning with a clear conscience.</p>`,
      },
    ],
  },
  {
    title: "Broad beans and the state of my knees",
    slug: "broad-beans-and-the-state-of-my-knees",
    publishedAt: "2010-04-24T18:05:00+01:00",
    labels: ["Allotment"],
    bodyHtml: `<p>Plot 14 of the Mill Lane allotments is mine, and has been for six years. It is a long thin strip with a shed that leans slightly towards the railway line, as if it would rather be going somewhere. Today I put in the last row of broad beans, three weeks later than the packet suggests, and knelt on a stone I had been meaning to dig out since 2008.</p>
<p>Len, who has the plot next door and has grown leeks of frightening size for longer than I have been alive, leaned on his fork and told me I was planting them too close together. He tells me this every year. Every year I nod, and every year I plant them exactly as close, and every year we both eat a great many broad beans. I think it is a kind of ritual now.</p>
<p>The rhubarb is up, the raspberry canes are thinking about it, and a robin followed me up and down the whole afternoon in case I turned up anything worth eating. Knees not good. Spirits excellent.</p>`,
    comments: [
      {
        by: "reader1",
        postedAt: "2010-04-25T09:20:00+01:00",
        bodyHtml: `<p>A kneeling pad, Maggie. The foam sort. I resisted for years on the grounds that it made me feel old, and now I would sooner leave the house without my keys.</p>`,
      },
    ],
  },
  {
    title: "Tool 3: Putting photographs on the internet",
    slug: "tool-3-putting-photographs-on-the-internet",
    publishedAt: "2010-06-12T10:05:00+01:00",
    labels: ["Tools", "Library life"],
    bodyHtml: `<p>Tool 3 is a photo-sharing site. You make an account, upload some pictures, give them titles and "tags", and other people can find them by searching. The programme notes suggest we photograph our libraries, so on Thursday I came in early and walked round the building with the digital camera that usually lives in the staff room drawer next to the spare light bulbs.</p>
<p>It is surprising what you notice when you look at a place through a small screen. The mosaic in the entrance porch, which I walk over twice a day without thinking about it, has a little owl in one corner holding what I now realise is a book. The brass rail on the stairs has been worn pale in exactly the places where hands go. The children's corner looks like a very cheerful explosion.</p>
<p>I have uploaded twenty-two photographs and tagged them all <em>wendlesford</em> and <em>library</em>. Nine people have looked at them, and I suspect seven of those were me checking that they had worked.</p>`,
    comments: [
      {
        by: "reader2",
        postedAt: "2010-06-12T13:47:00+01:00",
        bodyHtml: `<p>I never knew about the owl. I must have walked past it a thousand times.</p>`,
      },
    ],
  },
  {
    title: "A postscript about the photographs",
    slug: "a-postscript-about-the-photographs",
    publishedAt: "2010-06-12T21:30:00+01:00",
    labels: ["Tools"],
    bodyHtml: `<p>A small update to this morning's post. Pauline, my manager, rang this afternoon, very kindly, to point out that one of my photographs of the reading room showed a regular reader quite clearly in the background, asleep over the newspaper. I had not even noticed him. I took the picture down straight away and I have looked properly at all the others.</p>
<p>It is an obvious lesson, but one I am glad to have learned on a quiet Saturday rather than the hard way: a library is a public place, but the people in it are not part of the furniture. From now on it is empty rooms, owls and radiators only.</p>`,
    comments: [],
  },
  {
    title: "Summer Reading Challenge: halfway and holding",
    slug: "summer-reading-challenge-halfway-and-holding",
    publishedAt: "2010-08-05T17:50:00+01:00",
    labels: ["Library life", "Books"],
    bodyHtml: `<p>We are halfway through the children's summer reading challenge, which means the library is full of small people carrying six books at a time and demanding stickers. This year the theme is space explorers, and the issue desk is decorated with a cardboard rocket that Dev from IT built on his lunch breaks and which is, structurally speaking, a miracle.</p>
<p>One hundred and forty children have signed up so far, which is our best number for years. A few have already finished all six books and come back to ask, quite reasonably, what they are supposed to do now. (Answer: read more books. They are rarely impressed by this answer.)</p>
<p>Part of the challenge is a little card where the children write a sentence about each book. Most say "good" or "funny". This week I got this, which I have pinned above my desk:</p>
<blockquote><p>This book was too short and the dog should not have been in it for so little.</p></blockquote>
<p>I have read reviews in national newspapers with less insight.</p>`,
    comments: [
      {
        by: { guest: { name: "Mrs P. Dunmore" } },
        postedAt: "2010-08-06T08:15:00+01:00",
        bodyHtml: `<p>My granddaughter is one of your hundred and forty and she talks about the rocket constantly. Please thank the young man who built it.</p>`,
      },
      {
        by: "reader1",
        postedAt: "2010-08-06T19:02:00+01:00",
        bodyHtml: `<p>That review is perfect. Every book would be improved by more of the dog.</p>`,
      },
    ],
  },
  {
    title: "A November walk up Caddon Hill",
    slug: "a-november-walk-up-caddon-hill",
    publishedAt: "2010-11-14T16:25:00+00:00",
    labels: [],
    bodyHtml: `<p>Sunday, and the first properly clear day for weeks, so I put on the boots that live by the back door and walked up Caddon Hill from the end of the bus route. It is not a large hill. People from proper hill country would call it a bump. But it is the highest thing for some miles around, and from the top you can see the whole of Wendlesford laid out like a model railway: the church, the river, the supermarket car park, and, if you squint, the green roof of the library.</p>
<p>The beeches on the lower slope had dropped almost everything, so the path was a deep rustling copper and I could not hear my own footsteps. Near the trig point a woman with two enormous dogs told me it would rain by three. It rained at ten past. I have decided to trust local knowledge from now on, at least where dogs are involved.</p>`,
    comments: [],
  },
  {
    title: "Snowed in, but open",
    slug: "snowed-in-but-open",
    publishedAt: "2010-12-21T19:10:00+00:00",
    labels: ["Library life"],
    bodyHtml: `<p>Four days of snow now, and the buses gave up on Saturday. Three of us live close enough to walk in, so Wendlesford Library has stayed open every day, which I am stubbornly proud of. The van has not come for a week, so there are no new books and nothing has gone out to the other branches, and the reservation shelf is looking very sorry for itself.</p>
<p>What we have had is people. Not borrowing much, most of them, just glad to be somewhere warm with other humans in it. The retired gentleman who usually does the crossword in pen sat with a young mother and helped her toddler build a tower out of board books. A teenager I have never seen before spent two afternoons reading through our entire shelf of poetry, and when I asked whether she had a favourite, she said "all the sad ones", which seemed about right for the weather.</p>
<p>Pauline brought in a flask of soup on Monday and we shared it in the back office between customers. It was leek and potato. It was the best thing I have eaten all year, and I say that as someone who grows her own leeks.</p>`,
    comments: [
      {
        by: "reader2",
        postedAt: "2010-12-22T10:36:00+00:00",
        bodyHtml: `<p>You kept the place going when everything else shut. That matters more than people say.</p>`,
      },
      {
        by: { guest: { name: "Hattie", url: "https://example.com/hattie-writes" } },
        postedAt: "2010-12-22T15:05:00+00:00",
        bodyHtml: `<p>"All the sad ones" is what I would have said at her age too. Tell her there are happy poems, but they can wait until spring.</p>`,
      },
    ],
  },

  // ---------------------------------------------------------------- 2011
  {
    title: "Tool 4: Wikis, and the staff handbook nobody reads",
    slug: "tool-4-wikis-and-the-staff-handbook-nobody-reads",
    publishedAt: "2011-01-20T20:40:00+00:00",
    labels: ["Tools", "Library life"],
    bodyHtml: `<p>I confess I stalled on the programme over Christmas. The snow, the reservations backlog, and a chest cold that lasted into the new year all got in the way. But I am back, and Tool 4 is the wiki: a website that anybody with permission can edit, so that knowledge is shared rather than kept in one person's head or, in our case, in one very fat ring binder.</p>
<p>The ring binder is the Wendlesford staff handbook. It lives on the shelf above the kettle. It contains instructions for the fire alarm, the old microfiche reader (which went in a skip in 2004), and a page headed "IMPORTANT: Tuesdays" which nobody now alive understands. New starters are told to read it and, quite sensibly, never do.</p>
<p>So as my exercise I started moving it into the county's staff wiki, one section at a time. The brilliant thing is that I do not have to be right. I put in the instructions for cashing up, and by the next morning Dev had corrected a step I had been doing wrongly for at least two years. Somebody from the Hollins Green branch added a note about the till drawer that sticks. It is the first time the handbook has been a conversation rather than a set of rules.</p>
<p>I still do not know what happens on Tuesdays.</p>`,
    comments: [
      {
        by: "reader1",
        postedAt: "2011-01-21T08:05:00+00:00",
        bodyHtml: `<p>We have one of those binders too. Ours has a section on how to operate a slide projector, complete with diagrams.</p>`,
      },
      {
        by: { guest: { name: "Dev", url: "https://example.com/dev" } },
        postedAt: "2011-01-21T12:52:00+00:00",
        bodyHtml: `<p>For the record, it was only eighteen months.</p>
<p>Also I think Tuesdays might be something to do with the boiler. I will ask around.</p>`,
      },
      {
        by: "reader2",
        postedAt: "2011-01-22T17:11:00+00:00",
        bodyHtml: `<p>Please do report back on Tuesdays. I now need to know.</p>`,
        replyTo: 1,
      },
    ],
  },
  {
    title: "What I read in the dark months",
    slug: "what-i-read-in-the-dark-months",
    publishedAt: "2011-03-05T15:30:00+00:00",
    labels: ["Books"],
    excerpt:
      "A short list of what kept me company between the snow and the first daffodils, with one glorious failure.",
    bodyHtml: `<p>People assume librarians spend all day reading. We do not. We spend all day handing books to other people who are going to go home and read them, which is a bit like working in a bakery on a diet. So the winter evenings are my reading time, and this year I got through more than usual, helped by the snow and a very comfortable new chair.</p>
<p>The highlights, in roughly the order I read them:</p>
<ul>
<li><em>The Lighthouse Accounts</em> by Irene Calloway: a novel told entirely through the logbooks of a lighthouse keeper and his increasingly cross wife. Funny and then, without warning, not funny at all.</li>
<li><em>A Short History of Hedges</em>, by a retired surveyor called Owen Pargeter. Exactly what it sounds like. I loved every page and will not be lending it to anyone who laughs at the title.</li>
<li><em>Salt and Wire</em> by D. M. Ashworth, a thriller recommended by a borrower, which I read in a single night with all the lights on.</li>
<li>A reread of an old school favourite that I will not name, because it turned out to be much worse than I remembered and I would like to keep the memory intact for other people.</li>
</ul>
<p>The glorious failure was a nine-hundred-page family saga I have been meaning to read for ten years. I got to page two hundred and eleven and realised I could not remember which of the four brothers was which, and did not mind. Back it goes. Life is short and the reservation queue is long.</p>`,
    comments: [
      {
        by: { guest: { name: "Bernard", url: "https://example.com/bernard" } },
        postedAt: "2011-03-06T11:42:00+00:00",
        bodyHtml: `<p>I will take the hedge book off your hands if nobody else is worthy.</p>`,
      },
    ],
  },
  {
    title: "The allotment AGM, or democracy among the leeks",
    slug: "the-allotment-agm-or-democracy-among-the-leeks",
    publishedAt: "2011-05-14T21:05:00+01:00",
    labels: ["Allotment"],
    bodyHtml: `<p>The Mill Lane Allotment Association held its annual general meeting this evening in the back room of the church hall, and I am writing this while the indignation is still fresh. Thirty-one plot holders attended, which is a record, because the agenda contained the words "proposed rule change: sheds".</p>
<p>The proposal was that sheds should be no taller than two metres and painted "a natural colour". Len, whose shed is a magnificent shade of turquoise, stood up and spoke for eleven minutes about freedom. A young couple who took on plot 22 last year asked, very politely, whether turquoise might count as natural, since kingfishers are turquoise, and the chairman had to call for order.</p>
<p>The motion was defeated by two votes. Len bought everybody a drink afterwards. I have never seen him happier, including the year his leeks won the county show.</p>
<p>On the plot itself: potatoes in, onion sets in, the broad beans a bit too close together as usual, and the first lettuces coming on nicely under a cloche made from an old window.</p>`,
    comments: [
      {
        by: "reader2",
        postedAt: "2011-05-15T09:30:00+01:00",
        bodyHtml: `<p>Long live the turquoise shed.</p>`,
      },
      {
        by: "reader1",
        postedAt: "2011-05-15T10:12:00+01:00",
        bodyHtml: `<p>The kingfisher argument is unanswerable and I shall be using it in every dispute I have from now on.</p>`,
      },
    ],
  },
  {
    title: "Tool 5: Bookmarks in the cloud",
    slug: "tool-5-bookmarks-in-the-cloud",
    publishedAt: "2011-07-09T11:20:00+01:00",
    labels: ["Tools"],
    bodyHtml: `<p>Tool 5 is social bookmarking. Instead of saving a useful website in the favourites of whatever computer you happen to be using, you save it to a website, give it some labels, and then it is there wherever you log in. Other people can see your bookmarks too, if you let them, which the programme presents as a feature and I at first received as a threat.</p>
<p>It has, however, solved a real problem. On the enquiry desk I am forever looking up the same things: the bus timetable, the council's recycling calendar, the page that explains how to renew a passport, the form for a blue badge. These used to live on a scrap of paper taped beside the monitor, getting greasier every year. Now they are in a shared list called <a href="https://example.org/bookmarks/wendlesford-desk">wendlesford-desk</a>, and the whole team can add to it.</p>
<p>Pauline added a link to a website of cat pictures, labelled "for emergencies". I have decided not to ask.</p>`,
    comments: [],
  },
  {
    title: "Tool 6: I have joined a professional networking site, reluctantly",
    slug: "tool-6-i-have-joined-a-professional-networking-site",
    publishedAt: "2011-09-08T09:41:00+01:00",
    labels: ["Tools", "Networking"],
    excerpt:
      "Tool 6 asked me to join a professional networking website. I did, with my teeth gritted, and came away with mixed feelings and a tidier CV.",
    bodyHtml: `<p>Tool 6 is a professional networking site, and I have been putting it off since July. The idea is that you put up a sort of living CV (jobs, qualifications, a photograph in which you look employable) and then "connect" with colleagues, past and present, and with people in the same line of work. I made my account last night, with a cup of tea for courage, and within ten minutes the site had suggested that I connect with my dentist, a man I was at primary school with, and the area manager. I declined all three.</p>
<p>I have to be honest: I do not like "networking". The word makes me think of conference coffee breaks, where everybody glances at your name badge to see whether you are worth talking to. I am happiest talking to people about a book or a bus timetable or the best way to grow parsnips, not about my "skills", and the site's little prompts to "endorse" people and "grow my network" made me want to go and lie down in a dark room.</p>
<p>And yet. Writing the profile made me sit down and list everything I have actually done in eleven years at Wendlesford: the reading groups, the family history sessions, the digital drop-ins, the summer challenges. It is more than I thought, and it is now all in one place. So I shall keep the profile, tidy and quiet, as a sort of shop window, and leave the networking to people who enjoy it. If that counts as completing Tool 6, I have completed it.</p>`,
    comments: [
      {
        by: "reader1",
        postedAt: "2011-09-08T12:17:00+01:00",
        bodyHtml: `<p>I feel much the same about the whole business, Maggie. I set up my profile for a course two years ago and it still lists a job I left at Easter, so it is already more out of date than yours will ever be. Perhaps we should start a support group for the reluctantly connected.</p>`,
      },
    ],
  },
  {
    title: "Apples, a glut, and a cardboard box by the door",
    slug: "apples-a-glut-and-a-cardboard-box-by-the-door",
    publishedAt: "2011-10-22T17:35:00+01:00",
    labels: ["Allotment", "Library life"],
    bodyHtml: `<p>The old apple tree at the bottom of plot 14, which I inherited along with the leaning shed and has sulked for five years, has this autumn decided to make up for everything at once. I have picked eleven carrier bags of apples. I do not know what variety they are. They are sharp, green with a red blush, and they keep arriving.</p>
<p>I have made crumble, chutney, a cake that did not rise and a cake that did. I have given bags to the neighbours, to Len (who said his own tree had done the same, and gave me a bag back), and to the lady who runs the post office. In the end I put a cardboard box by the library door with a sign saying <strong>FREE APPLES, PLEASE TAKE SOME</strong>, and by closing time it was empty apart from a note that said "thank you, crumble tonight".</p>
<p>I think I like that better than any of the cakes.</p>`,
    comments: [
      {
        by: { guest: { name: "Gwen at the post office" } },
        postedAt: "2011-10-23T10:00:00+01:00",
        bodyHtml: `<p>They made lovely apple sauce. If the tree does it again next year, you know where I am.</p>`,
      },
    ],
  },
  {
    title: "Tool 7: A very short film about the returns trolley",
    slug: "tool-7-a-very-short-film-about-the-returns-trolley",
    publishedAt: "2011-11-26T14:50:00+00:00",
    labels: ["Tools", "Library life"],
    bodyHtml: `<p>Tool 7 is online video. The task is to watch some, which I managed without difficulty, and then to make and upload something yourself, which I did not. Or rather, I did, eventually, after a week of trying to think of something worth filming in a small library in November.</p>
<p>In the end Dev suggested the returns trolley. It has one wheel that points permanently to the left, so pushing it in a straight line from the desk to the fiction shelves is a skill that takes new staff about a month to learn. We filmed it from above, on his phone, in one take: forty seconds of me steering a trolley full of crime novels across the carpet, correcting, correcting, correcting, and arriving with a small triumphant wobble.</p>
<p>It has had two hundred and six views, which is more than every photograph from Tool 3 put together. Someone from a library in another county commented that their trolley pulls to the right, and now I feel as though we are part of a secret society.</p>`,
    comments: [
      {
        by: "reader2",
        postedAt: "2011-11-26T18:20:00+00:00",
        bodyHtml: `<p>I have watched it four times. The wobble at the end is the best bit.</p>`,
      },
      {
        by: "reader1",
        postedAt: "2011-11-27T09:45:00+00:00",
        bodyHtml: `<p>Ours goes left too. Perhaps they are all made in the same factory by somebody with a grudge.</p>`,
      },
    ],
  },

  // ---------------------------------------------------------------- 2012
  {
    title: "New year, same cardigan",
    slug: "new-year-same-cardigan",
    publishedAt: "2012-01-07T10:30:00+00:00",
    labels: [],
    bodyHtml: `<p>I am not making resolutions this year. I made them every year from 1987 until last January and I have kept precisely one, which was to stop buying magazines I do not read. This year I am simply going to carry on, with the same job, the same plot and the same grey cardigan with the darned elbow, and try to notice things more.</p>
<p>That said, there are three tools left in the programme, and I should like to finish them before the council decides to replace it with something else. Consider that a resolution if you must.</p>`,
    comments: [],
  },
  {
    title: "Tool 8: Maps, and a circular walk I nearly finished",
    slug: "tool-8-maps-and-a-circular-walk-i-nearly-finished",
    publishedAt: "2012-02-18T19:15:00+00:00",
    labels: ["Tools", "Walks"],
    bodyHtml: `<p>Tool 8 is online mapping: the sort of map you can drag about with the mouse and zoom into until you can see your own wheelie bin. The exercise is to make a map of your own, with markers and notes, and share it. I decided to plan a circular walk from the library door, taking in the river, Caddon Hill and the old railway line, and to put the route up for borrowers who ask, as they often do, where they might go for a stroll.</p>
<p>I spent a very happy Thursday evening plotting it. Little blue pins for the stiles, a red pin for the bull that may or may not still be in the field past Asher's Farm, a green one for the bench with the best view. The whole thing came out at seven and a half miles, which looked entirely reasonable on a screen.</p>
<p>On Saturday I went out to walk it. The first five miles were lovely: frost on the water meadows, a heron on the weir, a flask of coffee at the green pin. At mile six I discovered that the footpath along the old railway, which is marked very clearly on the online map, is now somebody's garden. There was a gate, a polite sign and a small dog with strong views.</p>
<p>So I came home along the main road, and I have since moved the route. The lesson, I think, is that maps are a conversation too. Somebody has already left a note on mine to say the bull went to a new home in the autumn.</p>
<p>You can see the finished route <a href="https://example.org/maps/wendlesford-circular">here</a>, if you are local and fancy it. Wear boots.</p>`,
    comments: [
      {
        by: { guest: { name: "Rambling Ros", url: "https://example.com/ramblingros" } },
        postedAt: "2012-02-19T08:50:00+00:00",
        bodyHtml: `<p>I walked it this morning with the corrected ending. The bench with the best view is now my favourite bench in the county.</p>`,
      },
      {
        by: "reader2",
        postedAt: "2012-02-19T13:10:00+00:00",
        bodyHtml: `<p>I was the one who left the note about the bull. He lives at a sanctuary now and is said to be very content.</p>`,
      },
    ],
  },
  {
    title: "Seed potatoes and a disagreement with a pigeon",
    slug: "seed-potatoes-and-a-disagreement-with-a-pigeon",
    publishedAt: "2012-04-14T17:20:00+01:00",
    labels: ["Allotment"],
    bodyHtml: `<p>Potatoes in today, two rows of earlies and one of a salad variety that Len swears by. The ground was finally dry enough to work after a fortnight of drizzle, and I had the plot to myself apart from one very large wood pigeon, who sat on the shed roof and watched me with an air of someone waiting to collect a debt.</p>
<p>He is after the purple sprouting broccoli, which I have been coaxing through the winter under netting. Twice this week the netting has come loose at one corner, and twice I have found that corner stripped to the stalk. I have now pegged it down with tent pegs, bricks and an old curtain pole. He watched me do all of it. I do not think he is worried.</p>`,
    comments: [
      {
        by: "reader1",
        postedAt: "2012-04-15T08:40:00+01:00",
        bodyHtml: `<p>My money is on the pigeon, I am afraid.</p>`,
      },
    ],
  },
  {
    title: "The book group tackles a doorstop",
    slug: "the-book-group-tackles-a-doorstop",
    publishedAt: "2012-06-23T12:10:00+01:00",
    labels: ["Books", "Library life"],
    excerpt:
      "The Thursday evening book group voted to read a seven-hundred-page novel. Nine of us started, and these are the survivors' notes.",
    bodyHtml: `<p>The Thursday evening book group has met in the reading room for six years now. There are usually nine of us, and we choose the books by a system so democratic that it regularly produces results nobody wanted. This spring the vote went, by one, to <em>The Cartographer's Daughters</em> by Helena Marsh-Tully: seven hundred and forty pages, three generations, two continents and a map in the front that you need to consult roughly every ten minutes.</p>
<p>We gave ourselves two months instead of the usual one. Last night was the meeting, and this is the state of play:</p>
<ul>
<li>Four of us finished it, one of them on the bus on the way to the meeting.</li>
<li>Three got about halfway and asked us not to spoil the ending, then asked us to spoil the ending.</li>
<li>One read the first chapter and the last chapter and claimed, not unreasonably, that she had the gist.</li>
<li>One brought a cake instead, and was forgiven immediately.</li>
</ul>
<p>It was the best discussion we have had all year. The people who loved it argued that a long book lets you live inside a world. The people who gave up argued that a long book should earn its length, and this one did not. Somebody said the map was the best character, and nobody disagreed.</p>
<p>Next month's choice is a novella of a hundred and twelve pages. The vote was unanimous.</p>`,
    comments: [
      {
        by: "reader2",
        postedAt: "2012-06-23T16:25:00+01:00",
        bodyHtml: `<p>I was the one on the bus. I stand by my finish, although I may have skimmed the second continent.</p>`,
      },
      {
        by: { guest: { name: "Hattie", url: "https://example.com/hattie-writes" } },
        postedAt: "2012-06-24T09:03:00+01:00",
        bodyHtml: `<p>The cake strategy is underrated. I will try it at my own group.</p>`,
      },
      {
        by: "reader2",
        postedAt: "2012-06-24T11:30:00+01:00",
        bodyHtml: `<p>It only works the once, Hattie. After that they expect cake and a view on the book.</p>`,
        replyTo: 1,
      },
    ],
  },
  {
    title: "Tools 9 and 10: short messages, and looking back",
    slug: "tools-9-and-10-short-messages-and-looking-back",
    publishedAt: "2012-09-29T15:45:00+01:00",
    labels: ["Tools", "Networking"],
    excerpt:
      "The last two tools of the programme, two and a half years after I started, and some thoughts on what it was all for.",
    bodyHtml: `<p>It has taken me two years and seven months, which I gather is something of a record in the slow direction, but I have reached the end of the Ten Tools programme. I am doing the last two together because, frankly, if I leave Tool 10 for another post I may never write it.</p>
<h2>Tool 9: short messages</h2>
<p>Tool 9 is a microblogging site, where you write messages of no more than a sentence or two and other people "follow" you. The county library service has an account, and the task was to set up one of our own and post something every day for a week. I managed five days out of seven. My messages were: the opening hours, a photograph of the rain, a reminder about the book sale, a note that the photocopier was working again, and a note, two hours later, that it was not.</p>
<p>I was surprised to find that I liked it. It suits a library, I think: lots of small bits of useful news that would never justify a whole post. I have offered to help with the library's own account, and Pauline looked so relieved that I suspect nobody else had.</p>
<h2>Tool 10: looking back</h2>
<p>The final tool is not a tool at all. It is a request to "reflect on your learning", which is the sort of phrase that makes my shoulders go up. But here goes. When I started, I thought the programme was about learning to use some websites. Really it was about getting used to being a beginner again, in public, at the age of forty-six, and finding that the world did not end.</p>
<p>Some of the tools I use every day: the feed reader, the shared bookmarks, the wiki (which now has forty-one pages and, at last, an explanation of Tuesdays; it <em>was</em> the boiler). Some I have hardly touched since. The networking profile is still there, still tidy, still quiet, and I update it about twice a year when I remember, which I have decided is enough.</p>
<p>And then there is this blog, which was only ever meant to be Tool 1, and which I find I do not want to stop writing. So I shan't. Thank you to everyone who has read along and commented, especially those of you who were kind about the trolley.</p>`,
    comments: [
      {
        by: "reader1",
        postedAt: "2012-09-29T18:30:00+01:00",
        bodyHtml: `<p>Congratulations! I finished in April and did not write a Tool 10 post at all, so you are ahead of me in the way that counts.</p>
<p>And I am very glad about the boiler.</p>`,
      },
      {
        by: "reader2",
        postedAt: "2012-09-30T10:05:00+01:00",
        bodyHtml: `<p>Please keep the blog going. The allotment posts alone are worth it.</p>`,
      },
      {
        by: { guest: { name: "Dev", url: "https://example.com/dev" } },
        postedAt: "2012-09-30T14:40:00+01:00",
        bodyHtml: `<p>Told you it was the boiler.</p>`,
        replyTo: 0,
      },
    ],
  },
  {
    title: "Fog on the towpath",
    slug: "fog-on-the-towpath",
    publishedAt: "2012-11-17T13:55:00+00:00",
    labels: ["Walks"],
    bodyHtml: `<p>A short walk this morning along the canal towpath towards Hollins Green, in the sort of fog that makes everything three feet away look like a rumour. The narrowboats were moored nose to tail with their chimneys smoking, and every so often I would pass a window with a lamp on inside and a glimpse of somebody's teapot. I have never wanted to live on a boat, but for about a mile this morning I came close.</p>
<p>I turned back at the second lock, because the fog was thickening and my glasses had given up. A moorhen walked along the path ahead of me for most of the way home, quite unbothered, like a very small usher.</p>`,
    comments: [
      {
        by: { guest: { name: "Bernard", url: "https://example.com/bernard" } },
        postedAt: "2012-11-17T20:22:00+00:00",
        bodyHtml: `<p>A very small usher. I shall never see a moorhen the same way again.</p>`,
      },
    ],
  },
  {
    title: "Closing up for Christmas",
    slug: "closing-up-for-christmas",
    publishedAt: "2012-12-22T18:40:00+00:00",
    labels: ["Library life", "Books"],
    bodyHtml: `<p>The library closed at four today for the Christmas break, and as always the last hour was the busiest of the year. Everybody wants something to read over the holiday, preferably something long, and the shelves of big paperbacks were stripped bare by half past three. One man borrowed the maximum of twelve books "in case the relatives stay longer than planned".</p>
<p>We put up the tree in the reading room at the start of the month, decorated this year with paper stars that the Saturday children's group made from damaged book jackets. They look remarkably good, though if you look closely you can see that one star is mostly the face of a detective scowling.</p>
<p>I have brought home a modest pile: a collection of ghost stories, which I read every Christmas as tradition demands, a book about pond life, and the novella from the book group, which I will read again now that I know what happens.</p>
<p>Merry Christmas to anyone reading this, and thank you for another year.</p>`,
    comments: [
      {
        by: "reader1",
        postedAt: "2012-12-23T10:15:00+00:00",
        bodyHtml: `<p>Merry Christmas, Maggie. I hope the pigeon leaves you in peace over the holidays.</p>`,
      },
      {
        by: "reader2",
        postedAt: "2012-12-23T11:48:00+00:00",
        bodyHtml: `<p>Twelve books in case the relatives stay longer is the most sensible plan I have heard all month.</p>`,
      },
    ],
  },
];

export const demoPages: DemoPage[] = [
  {
    title: "About this blog",
    slug: "about",
    bodyHtml: `<p>I am Margaret Ellery, Maggie to everyone except the tax office, and I work at Wendlesford Library, a small public library in a small English market town. I started this blog in 2010 as the first task in a staff programme of online tools, and kept it going because I found I liked having somewhere to put things down.</p>
<p>Here you will find notes on library life, the tools I was asked to try, the books I have been reading, the ups and downs of plot 14 at the Mill Lane allotments, and the occasional walk. The views are my own and not those of the library service, which has more sense than to have views about pigeons.</p>`,
  },
];
