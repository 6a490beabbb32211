"""Word lists the language rules read: who counts as a person, which words only a person does.

Kept as plain sets so a reviewer can see exactly why a sentence was (or was not) flagged.
"""

from __future__ import annotations

# Common given names across many languages. Matched case-sensitively (capitalised), so the
# ordinary English words among them ("frank", "grace") are not taken for names. Names that
# are also everyday capitalised words at the start of a sentence (May, Will, Max, Mark, Bill,
# June, Hope, Chase) are left out on purpose.
_NAMES = """
Aaron Abby Abdul Abigail Adam Adrian Adriana Ahmed Ahmad Aidan Aisha Akira Alan Albert Alberto
Alex Alexa Alexander Alexandra Alexei Alexis Alfonso Alfred Ali Alice Alicia Alina Alison Allison
Amanda Amelia Amir Amit Amy Ana Anand Anders Andre Andrea Andreas Andrei Andrew Andy Angela Angelo
Anil Anita Anja Ann Anna Anne Annie Anthony Anton Antonio Anya Arjun Arthur Arun Ashley Ashok
Astrid Aurora Ava Axel Ayesha Barbara Beatriz Ben Benjamin Bernard Beth Betty Bianca Bjorn Blake
Bob Bobby Boris Brad Bradley Brandon Brenda Brian Brittany Bruce Bruno Bryan Caitlin Cameron Camila
Carl Carla Carlos Carmen Carol Caroline Carolyn Casey Catherine Cathy Cecilia Chad Charles Charlie
Charlotte Chen Cheng Chloe Chris Christian Christina Christine Christopher Claire Clara Claudia
Colin Connor Craig Cristina Curtis Daisuke Dale Dan Dana Daniel Daniela Danielle Danny Darius
Darren Dave David Dean Deborah Debbie Deepak Denis Dennis Derek Devon Diana Diego Dimitri Dmitri
Dmitry Dominic Don Donald Donna Doug Douglas Duncan Dylan Ed Eddie Edgar Eduardo Edward Elena Eli
Elias Elif Elijah Elizabeth Ella Ellen Elsa Emily Emma Emre Enrique Eric Erica Erik Erin Ethan
Eugene Eva Evan Evelyn Fabio Farah Fatima Felipe Felix Fernando Fiona Florian Francesca Francesco
Francis Francisco Frank Franz Fred Frederick Gabriel Gabriela Gareth Gary Gavin Gemma George
Georgia Gerald Gina Giovanni Giulia Glen Gloria Gordon Grace Graham Greg Gregory Greta Guillermo
Gustavo Hamid Hana Hannah Hans Harold Harriet Harry Hassan Heather Hector Heidi Helen Helena Henrik
Henry Hiroshi Hugo Hussein Ian Ibrahim Igor Ilya Imran Ines Ingrid Irene Isaac Isabel Isabella
Ivan Jack Jackie Jacob Jake James Jamie Jan Jane Janet Janice Jared Jason Javier Jay Jean Jeff
Jeffrey Jenna Jennifer Jenny Jeremy Jerry Jesse Jessica Jesus Jill Jim Jimmy Jin Jing Joan Joanna
Joe Joel Johan Johann Johannes John Johnny Jon Jonas Jonathan Jordan Jorge Jose Joseph Josh Joshua
Joyce Juan Judith Judy Julia Julian Julie Julien Julio Justin Kai Kaitlyn Kamal Karen Karim Karin
Karl Kate Katherine Kathleen Kathy Katie Katrin Kayla Keith Kelly Ken Kenji Kenneth Kevin Khalid
Kim Kimberly Klaus Kofi Kumar Kurt Kyle Lakshmi Lara Larry Laura Lauren Leah Lee Lena Leo Leon
Leonardo Li Liam Lily Lin Linda Lindsay Lisa Liu Logan Lorenzo Louis Lucas Lucia Luis Luisa Luka
Lukas Luke Lydia Magnus Mahmoud Malik Manuel Marcel Marco Marcos Marcus Margaret Maria Mariana
Marie Marina Mario Marisa Marta Martha Martin Mary Mateo Matt Matteo Matthew Matthias Maxim Maya
Megan Mehmet Mei Melissa Mia Michael Michelle Miguel Mike Mikhail Milan Min Ming Miriam Mohamed
Mohammed Mohammad Monica Morgan Nadia Nancy Naomi Natalia Natalie Nathan Neil Nicholas Nick Nicole
Nikhil Nikita Nikolai Nina Noah Nora Oleg Olga Oliver Olivia Omar Oscar Owen Pablo Paolo Pat
Patricia Patrick Paul Paula Pedro Peter Philip Phil Pierre Pooja Priya Rachel Rafael Raj Rajesh
Ramon Randy Raphael Raul Ravi Ray Raymond Rebecca Reza Ricardo Richard Rick Rob Robert Roberto
Robin Rohan Roman Ron Ronald Rosa Ross Roy Ruby Russell Ruth Ryan Sabrina Sally Sam Samantha Sami
Samir Samuel Sandeep Sandra Sanjay Sara Sarah Sasha Scott Sean Sebastian Selin Sergei Sergey
Sergio Seth Shane Shannon Sharon Shawn Sheila Shirley Simon Simone Sofia Sonia Sophia Sophie
Stefan Stefano Stephanie Stephen Steve Steven Sunil Susan Suzanne Sven Takeshi Tamara Tanya Tara
Ted Teresa Terry Thomas Tiffany Tim Timothy Tina Tobias Todd Tom Tomas Tommy Tony Tracy Travis
Trevor Tyler Ulrich Valentina Vanessa Venkat Vera Veronica Victor Victoria Vijay Vikram Vincent
Viktor Vivek Walter Wang Wayne Wei Wendy William Xavier Xin Yan Yang Yasmin Yoshi Youssef Yuki
Yuri Yusuf Zach Zachary Zain Zara Zhang Zoe Zoltan
"""
NAMES: frozenset[str] = frozenset(_NAMES.split())

# Heads of noun phrases that name a person by role.
ROLE_NOUNS: frozenset[str] = frozenset(
    """engineer engineers developer developers dev devs sre sres dba dbas admin admins
    administrator administrators sysadmin sysadmins intern interns contractor contractors
    employee employees staff staffer staffers colleague colleagues teammate teammates coworker
    coworkers co-worker reviewer reviewers approver approvers author committer on-call oncall
    on-caller on-callers commander manager managers lead leads architect architects analyst
    analysts technician technicians tech techs consultant consultants hire hires person people
    individual individuals responder responders programmer programmers coder coders tester
    testers owner owners maintainer maintainers member members human humans folks guy guys
    newcomer newbie junior seniors juniors specialist specialists officer director executive
    executives ic scientist scientists administrator newhire approver""".split()
)

# Heads that name a group of people.
TEAM_NOUNS: frozenset[str] = frozenset(
    "team teams squad squads crew crews department dept leadership management".split()
)

# Words that name a group of people when they stand alone as the subject ("QA missed it").
GROUP_WORDS: frozenset[str] = frozenset(
    """qa ops operations support engineering marketing sales management product devops finance
    legal leadership infra sre dba dev devs sres dbas it""".split()
)

PRONOUNS: frozenset[str] = frozenset(
    "he she they i someone somebody anyone anybody him her them whoever".split()
)

# Adverbs and auxiliaries that may sit between a subject and its verb.
FILLERS: frozenset[str] = frozenset(
    """accidentally mistakenly inadvertently carelessly recklessly also then just simply
    clearly apparently unfortunately had has have was were is are be been again still never
    even subsequently later completely totally obviously allegedly unknowingly somehow not
    probably likely quickly immediately already only actually literally themselves himself
    herself all both certainly evidently repeatedly once twice more inexplicably""".split()
)

PREPOSITIONS: frozenset[str] = frozenset(
    "from on in at with of for to into onto over under about without during within".split()
)

DETERMINERS: frozenset[str] = frozenset(
    "the a an our their his her my your its this that these those one another some".split()
)

# Only a person can do these; a system as subject of them is personification, not blame,
# but a capitalised unknown word as subject of them is very likely a person's name.
HUMAN_ONLY_VERBS: frozenset[str] = frozenset(
    """forgot forgotten neglected overlooked messed screwed botched mistakenly accidentally
    inadvertently carelessly fat-fingered""".split()
)

# Verbs that, with "we" as subject, are a confession of fault rather than a description.
WE_STRONG_VERBS: frozenset[str] = frozenset("forgot messed screwed botched carelessly".split())

# Capitalised words that are neither names nor covered by agents.COMMON_WORDS: pronouns,
# determiners and function words that start sentences, and the people-words of ROLE_NOUNS.
NOT_NAMES: frozenset[str] = (
    frozenset(
        """i we you he she they it this that these those the a an our their his her my your its
    there here what which who whom whose why how when where if as so but and or nor not no
    yes please thanks thank note see also per via with without from into onto over under
    about above below between after before since until during while because although though
    whether even just only still already ok okay hi hello dear team""".split()
    )
    | ROLE_NOUNS
    | TEAM_NOUNS
    | GROUP_WORDS
    | PRONOUNS
)
